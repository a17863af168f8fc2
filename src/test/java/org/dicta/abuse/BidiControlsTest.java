package org.dicta.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bidirectional controls: kept in a source as published, and in a variant's words only when they are closed within
 * them, so that no quote can change how the page around it displays; refused everywhere else, query parameters
 * included.
 */
@QuarkusTest
@TestProfile(EditingProfile.class)
class BidiControlsTest {

    private static final String EDITOR = EditorTokens.editor("bidi-editor");
    private static final String ADMIN = EditorTokens.admin("bidi-admin");
    private static final String SOURCE_TEXT = "He said: \u202Bwe will\u202C and then \u2067left\u2069 it.";

    /**
     * A meeting of this test's own, without a date, so that the seed meetings keep their sources (a re-import compares
     * them) and date filters of other tests sharing the database do not find these quotes.
     */
    @BeforeEach
    void meeting() {
        if (given().when().get("/api/v1/meetings/bidi-meeting").statusCode() == 200) {
            return;
        }
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"id": "bidi-meeting", "titles": {"en": "Talks"},
                         "participants": [{"speaker": "ebrahim-raisi", "role": "host"}], "sources": []}
                        """)
                .when().post("/api/v1/meetings").then().statusCode(201);
    }

    @Test
    void aVariantKeepsTheClosedControlsOfItsSourceAndIsEditableAfterwards() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("{\"id\": \"bidi-source\", \"lang\": \"en\", \"text\": \"" + SOURCE_TEXT + "\"}")
                .when().post("/api/v1/sources").then().statusCode(201);
        given().when().get("/api/v1/sources/bidi-source").then().body("text", equalTo(SOURCE_TEXT));

        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("bidi-quote", "\u202Bwe will\u202C"))
                .when().post("/api/v1/quotes").then().statusCode(201);
        given().when().get("/api/v1/quotes/bidi-quote")
                .then().body("variants[0].text", equalTo("\u202Bwe will\u202C"))
                .body("variants[0].span.start", equalTo(9)).body("variants[0].span.end", equalTo(18));
        // A merge patch re-reads the whole stored state, the variant's controls included.
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body("{\"topics\": [\"trade\"], \"reason\": \"Topic\"}")
                .when().patch("/api/v1/quotes/bidi-quote")
                .then().statusCode(200).body("topics.id", contains("trade"));
    }

    @Test
    void aVariantWhoseControlsReachBeyondItsWordsIsRefused() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("{\"id\": \"bidi-source-2\", \"lang\": \"en\", \"text\": \"" + SOURCE_TEXT + "\"}")
                .when().post("/api/v1/sources").then().statusCode(201);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("bidi-unclosed", "then \u2067left").replace("bidi-source", "bidi-source-2"))
                .when().post("/api/v1/quotes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("variants[0].text"))
                .body("violations[0].message", containsString("U+2067 at offset 5, which is not closed"));
        given().when().get("/api/v1/quotes/bidi-unclosed").then().statusCode(404);
        // Controls not in the source are not in a span of it either; elsewhere in a body they are refused outright.
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("bidi-unclosed", "we will").replace("\"mode\"", "\"note\": \"\u202Enote\", \"mode\""))
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("variants[0].note"));
    }

    @Test
    void queryParametersAndVariantPatchReasonsAreHeldToTheSameRules() {
        given().auth().oauth2(ADMIN).header("If-Match", "*").queryParam("reason", "Dup\u202Elicate")
                .when().delete("/api/v1/speakers/iran")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reason"))
                .body("violations[0].message", containsString("U+202E at offset 3"));
        given().when().get("/api/v1/speakers/iran").then().statusCode(200);

        String etag = given().when().get("/api/v1/quotes/khamenei-north-south-corridor").then().extract().header("ETag");
        long variant = given().when().get("/api/v1/quotes/khamenei-north-south-corridor").then().extract().jsonPath()
                .getLong("variants[0].id");
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", etag)
                .body("{\"note\": \"Checked\", \"reason\": \"Fixed \u2066here\"}")
                .when().patch("/api/v1/quotes/khamenei-north-south-corridor/variants/" + variant)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"))
                .body("detail", containsString("U+2066 at offset 6"));
        given().when().get("/api/v1/quotes/khamenei-north-south-corridor").then().header("ETag", etag);
    }

    private static String quote(String id, String text) {
        return """
                {"id": "%s", "speaker": "ebrahim-raisi", "meeting": "bidi-meeting",
                 "variants": [{"source": "bidi-source", "mode": "direct", "text": "%s"}]}
                """.formatted(id, text);
    }
}
