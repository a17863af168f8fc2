package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** Editors' writes to quotes: authentication, validation against the sources, conditional requests, history. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class QuoteEditingTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String ADMIN = EditorTokens.admin("chief-editor");
    private static final String ENGLISH_REPORT = "002_fcbcff514eaca929";
    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";

    private static String quote(String id, String text) {
        return """
                {"id": "%s", "speaker": "ali-khamenei", "meeting": "%s", "topics": ["north-south-corridor"],
                 "variants": [{"source": "%s", "mode": "indirect", "text": "%s"}], "reason": "New statement"}
                """.formatted(id, MEETING, ENGLISH_REPORT, text);
    }

    private static Response create(String id, String text) {
        return given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(quote(id, text))
                .when().post("/api/v1/quotes");
    }

    private static String etagOf(String id) {
        return given().when().get("/api/v1/quotes/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void refusesWritesWithoutAValidTokenAndTheRightRole() {
        String body = quote("auth-test", "Tehran and Minsk should strive to make it a reality");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/quotes")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dicta\""))
                .body("detail", containsString("bearer token"));
        for (String token : List.of(EditorTokens.signedByAnotherKey("x"), EditorTokens.expired("x"),
                EditorTokens.fromOtherIssuer("x"), "not.a.jwt")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/quotes")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"));
        }
        given().auth().oauth2(EditorTokens.withRoles("reader", Set.of("reader"))).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(403).contentType("application/problem+json");
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            given().contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json").body("{}")
                    .when().request(method, "/api/v1/quotes/khamenei-north-south-corridor")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        // Retraction is for admins.
        given().auth().oauth2(EDITOR).header("If-Match", "*").queryParam("reason", "test")
                .when().delete("/api/v1/quotes/khamenei-north-south-corridor")
                .then().statusCode(403);
        given().when().get("/api/v1/quotes/auth-test").then().statusCode(404);
    }

    @Test
    void createsAQuoteWhoseSpanTheServerFindsAndRecordsTheRevision() {
        JsonPath created = create("corridor-reality", "Tehran and Minsk should strive to make it a reality")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/quotes/corridor-reality"))
                .header("ETag", equalTo("\"0\""))
                .extract().jsonPath();
        String source = given().when().get("/api/v1/sources/" + ENGLISH_REPORT).then().extract().jsonPath().getString("text");
        assertThat(source.substring(created.getInt("variants[0].span.start"), created.getInt("variants[0].span.end")))
                .isEqualTo("Tehran and Minsk should strive to make it a reality");
        given().when().get("/api/v1/quotes/corridor-reality/revisions")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("create"))
                .body("items[0].editor", equalTo("desk-editor"))
                .body("items[0].reason", equalTo("New statement"))
                .body("items[0].before", nullValue())
                .body("items[0].after.variants[0].text", equalTo("Tehran and Minsk should strive to make it a reality"));
        // At once in search and lists.
        given().queryParam("q", "\"strive to make it a reality\"").when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("corridor-reality"));
        create("corridor-reality", "Tehran and Minsk should strive to make it a reality")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void rejectsInvalidBodiesNamingEveryField() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("{\"id\": \"Bad Id\", \"variants\": []}")
                .when().post("/api/v1/quotes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("id", "speaker", "meeting", "variants"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("bad-mode", "x").replace("\"indirect\"", "\"shouted\""))
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("variants[0].mode"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("too-long", "x".repeat(20_001)).replace("\"New statement\"", "\"" + "r".repeat(2001) + "\""))
                .when().post("/api/v1/quotes")
                .then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("variants[0].text", "reason"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("{\"id\": ")
                .when().post("/api/v1/quotes")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).contentType("text/plain").body("hello")
                .when().post("/api/v1/quotes")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void rejectsReferencesToNothingAndTextsNotInTheSource() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("ghost", "Tehran and Minsk should strive").replace("ali-khamenei", "nobody")
                        .replace("north-south-corridor", "no-topic"))
                .when().post("/api/v1/quotes")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("speaker", "topics[0]"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("misquote", "Tehran and Minsk must strive to make it a reality"))
                .when().post("/api/v1/quotes")
                .then().statusCode(422)
                .body("violations[0].field", equalTo("variants[0].text"))
                .body("violations[0].message", containsString("is not in source '002_fcbcff514eaca929'"))
                .body("violations[0].message", containsString("'m' (U+006D LATIN SMALL LETTER M)"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(quote("wrong-span", "Tehran and Minsk").replace("\"mode\"", "\"span\": {\"start\": 0, \"end\": 16}, \"mode\""))
                .when().post("/api/v1/quotes")
                .then().statusCode(422).body("violations[0].field", equalTo("variants[0].span"));
        given().when().get("/api/v1/quotes/misquote").then().statusCode(404);
    }

    @Test
    void aWriteWithOneBadVariantLeavesNothingBehind() {
        String body = """
                {"id": "half-good", "speaker": "ali-khamenei", "meeting": "%s",
                 "variants": [{"source": "%s", "mode": "indirect", "text": "Tehran and Minsk should strive"},
                              {"source": "003_b5ccf18f57044a7b", "mode": "direct", "text": "not in any source"}]}
                """.formatted(MEETING, ENGLISH_REPORT);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body).when().post("/api/v1/quotes")
                .then().statusCode(422)
                .body("violations.field", contains("variants[1].text"));
        given().when().get("/api/v1/quotes/half-good").then().statusCode(404);
        given().when().get("/api/v1/quotes/half-good/revisions").then().statusCode(404);
    }

    @Test
    void correctionsNeedTheCurrentETag() {
        create("etag-test", "the region and that Tehran and Minsk should strive").then().statusCode(201);
        String body = quote("etag-test", "the region and that Tehran and Minsk should strive");
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body).when().put("/api/v1/quotes/etag-test")
                .then().statusCode(428).contentType("application/problem+json").header("ETag", "\"0\"");
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body)
                .when().put("/api/v1/quotes/etag-test")
                .then().statusCode(412).header("ETag", "\"0\"");
        String corrected = body.replace("\"indirect\"", "\"indirect\", \"note\": \"checked\"");
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", etagOf("etag-test")).body(corrected)
                .when().put("/api/v1/quotes/etag-test")
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("variants[0].note", equalTo("checked"));
        String current = etagOf("etag-test");
        assertThat(current).startsWith("\"1-");
        given().header("If-None-Match", current).when().get("/api/v1/quotes/etag-test").then().statusCode(304);
        given().header("If-None-Match", "\"0\"").when().get("/api/v1/quotes/etag-test").then().statusCode(200);
    }

    @Test
    void ofTwoEditorsSavingTheSameVersionOneWinsAndTheOtherGets412() {
        create("two-writers", "should strive to make it a reality").then().statusCode(201);
        String etag = etagOf("two-writers");
        String first = quote("two-writers", "should strive to make it a reality").replace("\"indirect\"", "\"indirect\", \"note\": \"first\"");
        String second = quote("two-writers", "should strive to make it a reality").replace("\"indirect\"", "\"indirect\", \"note\": \"second\"");
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", etag).body(first)
                .when().put("/api/v1/quotes/two-writers").then().statusCode(200);
        given().auth().oauth2(EditorTokens.editor("other-editor")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(second).when().put("/api/v1/quotes/two-writers")
                .then().statusCode(412).contentType("application/problem+json");
        given().when().get("/api/v1/quotes/two-writers").then().body("variants[0].note", equalTo("first"));
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndTheHistoryShowsBeforeAndAfter() {
        create("patch-test", "strive to make it a reality").then().statusCode(201);
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", etagOf("patch-test"))
                .body("{\"topics\": [\"trade\", \"bilateral-relations\"], \"reason\": \"Retagged\"}")
                .when().patch("/api/v1/quotes/patch-test")
                .then().statusCode(200)
                .body("topics.id", contains("trade", "bilateral-relations"))
                .body("variants[0].text", equalTo("strive to make it a reality"));
        given().when().get("/api/v1/quotes/patch-test/revisions")
                .then().statusCode(200)
                .body("items.action", contains("create", "update"))
                .body("items[1].reason", equalTo("Retagged"))
                .body("items[1].version", equalTo(1))
                .body("items[1].before.topics", contains("north-south-corridor"))
                .body("items[1].after.topics", contains("trade", "bilateral-relations"));
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", etagOf("patch-test"))
                .body("{\"speaker\": null}")
                .when().patch("/api/v1/quotes/patch-test")
                .then().statusCode(400).body("violations[0].field", equalTo("speaker"));
    }

    @Test
    void retractionIsPublicAndTakesTheQuoteOutOfListsAndSearch() {
        create("to-retract", "and the region and that Tehran").then().statusCode(201);
        given().auth().oauth2(ADMIN).header("If-Match", etagOf("to-retract"))
                .when().delete("/api/v1/quotes/to-retract")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(ADMIN).header("If-Match", etagOf("to-retract")).queryParam("reason", "Duplicate of another quote.")
                .when().delete("/api/v1/quotes/to-retract")
                .then().statusCode(204);
        given().when().get("/api/v1/quotes/to-retract")
                .then().statusCode(410)
                .contentType("application/problem+json")
                .header("Link", containsString("/api/v1/quotes/to-retract/revisions"))
                .body("detail", containsString("Duplicate of another quote."));
        given().queryParam("limit", 100).when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", not(hasItem("to-retract")));
        given().queryParam("q", "\"and the region and that Tehran\"").when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", not(hasItem("to-retract")));
        given().when().get("/api/v1/quotes/to-retract/revisions")
                .then().statusCode(200)
                .body("items.action", contains("create", "retract"))
                .body("items[1].editor", equalTo("chief-editor"))
                .body("items[1].reason", equalTo("Duplicate of another quote."));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", "*")
                .body(quote("to-retract", "and the region and that Tehran"))
                .when().put("/api/v1/quotes/to-retract").then().statusCode(410);
        // Editors still see it, with its retraction; readers may not ask.
        given().queryParam("include_retracted", "true").when().get("/api/v1/quotes/to-retract").then().statusCode(401);
        given().auth().oauth2(EditorTokens.withRoles("reader", Set.of("reader"))).queryParam("include_retracted", "true")
                .when().get("/api/v1/quotes").then().statusCode(403);
        given().auth().oauth2(EDITOR).queryParam("include_retracted", "true")
                .when().get("/api/v1/quotes/to-retract")
                .then().statusCode(200)
                .body("retraction.reason", equalTo("Duplicate of another quote."));
        given().auth().oauth2(EDITOR).queryParam("include_retracted", "true").queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("to-retract"));
        given().auth().oauth2(EDITOR).queryParam("include_retracted", "true")
                .queryParam("q", "\"and the region and that Tehran\"")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("to-retract"));
    }

    @Test
    void editorsAddCorrectAndRemoveSingleReports() {
        create("variants-test", "this corridor would benefit Iran").then().statusCode(201);
        String persian = "{\"source\": \"001_e2ce688135970981\", \"mode\": \"direct\", \"text\": \"به نفع دو کشور\"}";
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(persian)
                .when().post("/api/v1/quotes/variants-test/variants")
                .then().statusCode(412);
        String location = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", etagOf("variants-test"))
                .queryParam("reason", "Persian report").body(persian)
                .when().post("/api/v1/quotes/variants-test/variants")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("variants.lang", contains("en", "fa"))
                .extract().header("Location");
        String variantPath = location.substring(location.indexOf("/api/v1/"));
        given().when().get(variantPath).then().statusCode(200).body("text", equalTo("به نفع دو کشور"));
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"note\": \"Persian gives both countries\", \"reason\": \"note\"}")
                .when().patch(variantPath)
                .then().statusCode(200).body("variants[1].note", equalTo("Persian gives both countries"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(persian.replace("به نفع دو کشور", "نفع نیست"))
                .when().put(variantPath)
                .then().statusCode(422).body("violations[0].field", equalTo("text"));
        String englishVariant = "/api/v1/quotes/variants-test/variants/"
                + given().when().get("/api/v1/quotes/variants-test").then().extract().jsonPath().getLong("variants[0].id");
        given().auth().oauth2(EDITOR).header("If-Match", "\"2\"").when().delete(englishVariant)
                .then().statusCode(200).body("variants.lang", contains("fa"));
        given().auth().oauth2(EDITOR).header("If-Match", "\"3\"").when().delete(variantPath)
                .then().statusCode(422).body("detail", containsString("retract the quote"));
        given().when().get("/api/v1/quotes/variants-test/revisions")
                .then().statusCode(200).body("items.action", contains("create", "update", "update", "update"))
                .body("items[1].reason", equalTo("Persian report"));
    }
}
