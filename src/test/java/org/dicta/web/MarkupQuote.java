package org.dicta.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.dicta.support.EditorTokens;

/** A quote whose words are HTML markup, written through the editorial API, for the safe-rendering tests. */
final class MarkupQuote {

    static final String ID = "markup-in-a-quote";
    static final String SOURCE = "markup-report";
    static final String TEXT = "<b>bold</b><img src=x onerror=\"window.__xss=1\">";
    static final String HEADLINE = "<i>Markup</i> in a report<script>window.__xss=2</script>";

    private MarkupQuote() {
    }

    /** Creates the source and the quote unless the test database already holds them. */
    static synchronized void ensure() {
        if (given().when().get("/api/v1/quotes/" + ID).statusCode() == 200) {
            return;
        }
        String token = EditorTokens.editor("browser-tests");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("id", SOURCE, "lang", "en", "date", "2023-03-13", "headline", HEADLINE,
                        "text", "Report of 13 March.\nThe delegate wrote " + TEXT + " on the board.\n",
                        "reason", "Browser tests: markup must render as text"))
                .when().post("/api/v1/sources")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("id", ID, "speaker", "ali-khamenei", "meeting", "2023-03-13-leader-receives-lukashenko",
                        "topics", List.of("sanctions"),
                        "variants", List.of(Map.of("source", SOURCE, "mode", "direct", "text", TEXT)),
                        "reason", "Browser tests: markup must render as text"))
                .when().post("/api/v1/quotes")
                .then().statusCode(201);
    }
}
