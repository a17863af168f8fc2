package org.dicta.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** Editors add sources and correct their metadata; a cited text never changes. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class SourceEditingTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String ADMIN = EditorTokens.admin("chief-editor");
    private static final String TEXT = "Tehran, 14 March.\nThe two presidents said trade \"must grow tenfold\" within a year.\n";

    private static String source(String id, String text) {
        return """
                {"id": "%s", "lang": "en", "headline": "Trade talks", "date": "2023-03-14", "text": %s, "reason": "Received"}
                """.formatted(id, quoteJson(text));
    }

    private static String quoteJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String etagOf(String id) {
        return given().when().get("/api/v1/sources/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void addsASourceThatQuotesCanCiteAndKeepsItsTextOnceCited() throws Exception {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(source("trade-talks", TEXT))
                .when().post("/api/v1/sources")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/sources/trade-talks"))
                .header("ETag", "\"0\"")
                .body("text", equalTo(TEXT))
                .body("sha256", equalTo(HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(TEXT.getBytes(StandardCharsets.UTF_8)))));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"id": "trade-tenfold", "speaker": "ebrahim-raisi", "meeting": "2023-03-13-raisi-lukashenko-talks",
                         "variants": [{"source": "trade-talks", "mode": "direct", "text": "must grow tenfold"}]}
                        """)
                .when().post("/api/v1/quotes")
                .then().statusCode(201)
                .body("variants[0].span.start", equalTo(TEXT.indexOf("must grow tenfold")));
        given().when().get("/api/v1/meetings/2023-03-13-raisi-lukashenko-talks")
                .then().body("sources.id", hasItem("trade-talks"));

        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", etagOf("trade-talks"))
                .body(source("trade-talks", TEXT.replace("tenfold", "twofold")))
                .when().put("/api/v1/sources/trade-talks")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("new source"));
        String quoteBefore = given().when().get("/api/v1/quotes/trade-tenfold").then().statusCode(200)
                .body("variants[0].source.headline", equalTo("Trade talks")).extract().header("ETag");
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", etagOf("trade-talks"))
                .body("{\"headline\": \"Raisi and Lukashenko on trade\", \"reason\": \"Headline as printed\"}")
                .when().patch("/api/v1/sources/trade-talks")
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("headline", equalTo("Raisi and Lukashenko on trade"))
                .body("text", equalTo(TEXT));
        // The quote shows the source's headline: it is a new representation, with a new ETag.
        given().header("If-None-Match", quoteBefore).when().get("/api/v1/quotes/trade-tenfold")
                .then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(quoteBefore))
                .body("variants[0].source.headline", equalTo("Raisi and Lukashenko on trade"));
        given().header("If-None-Match", "\"1\"").when().get("/api/v1/sources/trade-talks").then().statusCode(304);
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").when().delete("/api/v1/sources/trade-talks")
                .then().statusCode(409);
        given().when().get("/api/v1/sources/trade-talks/revisions")
                .then().statusCode(200)
                .body("items.action", contains("create", "update"))
                .body("items[1].before.headline", equalTo("Trade talks"))
                .body("items[1].after.headline", equalTo("Raisi and Lukashenko on trade"))
                .body("items[1].editor", equalTo("desk-editor"));
    }

    @Test
    void deletesAnUncitedSourceAndKeepsItsHistory() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(source("duplicate-upload", TEXT))
                .when().post("/api/v1/sources").then().statusCode(201);
        given().auth().oauth2(EDITOR).header("If-Match", "\"0\"").when().delete("/api/v1/sources/duplicate-upload")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).when().delete("/api/v1/sources/duplicate-upload").then().statusCode(428);
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").queryParam("reason", "Uploaded twice")
                .when().delete("/api/v1/sources/duplicate-upload")
                .then().statusCode(204);
        given().when().get("/api/v1/sources/duplicate-upload").then().statusCode(404);
        given().when().get("/api/v1/sources/duplicate-upload/revisions")
                .then().statusCode(200).body("items[1].reason", equalTo("Uploaded twice"));
    }

    @Test
    void rejectsTextsNotInNfcAndLanguagesNotInTheCatalogue() {
        String decomposed = "Caf" + "e\u0301" + " talks";
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(source("not-nfc", decomposed).replace("\"en\"", "\"de\""))
                .when().post("/api/v1/sources")
                .then().statusCode(422)
                .body("violations.field", contains("lang", "text"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("{\"lang\": \"en\", \"text\": \"   \", \"date\": \"2023-02-30\"}")
                .when().post("/api/v1/sources")
                .then().statusCode(400);
        given().when().get("/api/v1/sources/not-nfc").then().statusCode(404);
    }

    @Test
    void everySourceWriteNeedsAToken() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            String path = method.equals("POST") ? "/api/v1/sources" : "/api/v1/sources/002_fcbcff514eaca929";
            given().contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body(source("x", TEXT))
                    .when().request(method, path)
                    .then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(EditorTokens.expired("x"))
                    .contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body(source("x", TEXT))
                    .when().request(method, path)
                    .then().statusCode(401);
        }
        assertThat(given().when().get("/api/v1/sources/002_fcbcff514eaca929").then().extract().header("ETag")).isEqualTo("\"0\"");
    }
}
