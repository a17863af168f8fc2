package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** A newsroom that names the pages that may read, and the desk tool that may write. */
@QuarkusTest
@TestProfile(CrossOriginAllowListTest.AllowList.class)
class CrossOriginAllowListTest {

    private static final String READER = "https://news.example";
    private static final String DESK = "https://desk.example";
    private static final String STRANGER = "https://elsewhere.example";
    private static final String TOOL = "https://tool.example";
    private static final String QUOTE = "/api/v1/quotes/khamenei-north-south-corridor";

    public static class AllowList implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicta.test.database", "cors",
                    "dicta.api.cors.read-origins", READER + "/," + DESK,
                    "dicta.api.cors.write-origins", DESK + "," + TOOL,
                    "dicta.api.cors.max-age", "10m");
        }
    }

    @Test
    void listedPagesReadWithTheirOriginEchoedAndOthersAreNotAllowedToSeeTheAnswer() {
        for (int round = 0; round < 2; round++) { // a cached answer must not carry the previous reader's origin
            Response listed = given().header("Origin", READER).when().get(QUOTE);
            assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo(READER);
            assertThat(listed.headers().getValues("Vary")).anyMatch(vary -> vary.contains("Origin"));

            Response stranger = given().header("Origin", STRANGER).when().get(QUOTE);
            assertThat(stranger.statusCode()).isEqualTo(200);
            assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
            assertThat(stranger.asString()).isEqualTo(listed.asString());
            assertThat(stranger.headers().getValues("Vary")).anyMatch(vary -> vary.contains("Origin"));

            Response noOrigin = given().when().get(QUOTE);
            assertThat(noOrigin.header("Access-Control-Allow-Origin")).isNull();
            assertThat(noOrigin.headers().getValues("Vary")).anyMatch(vary -> vary.contains("Origin"));
        }
        given().header("Origin", STRANGER).header("Access-Control-Request-Method", "GET").when().options(QUOTE)
                .then().statusCode(403).body("detail", containsString("read-origins"));
    }

    @Test
    void theDeskMayWriteWithAnEditorsTokenAfterItsPreflight() {
        given().header("Origin", DESK).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .when().options(QUOTE)
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", DESK)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("authorization"))
                .header("Access-Control-Allow-Headers", containsString("if-match"))
                .header("Access-Control-Max-Age", "600");

        String body = """
                {"id": "desk-corridor", "speaker": "ali-khamenei", "meeting": "2023-03-13-leader-receives-lukashenko",
                 "topics": ["north-south-corridor"],
                 "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect",
                               "text": "Tehran and Minsk should strive to make it a reality"}], "reason": "From the desk"}
                """;
        given().header("Origin", DESK).auth().oauth2(EditorTokens.editor("desk-editor")).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/quotes")
                .then().statusCode(201).header("Access-Control-Allow-Origin", DESK)
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .body("id", equalTo("desk-corridor"));
    }

    @Test
    void aPageThatMayWriteMayAlsoRead() {
        Response read = given().header("Origin", TOOL).when().get(QUOTE);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(TOOL);
    }

    @Test
    void aReadingPageMayNotWrite() {
        given().header("Origin", READER).header("Access-Control-Request-Method", "DELETE").when().options(QUOTE)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Origin", READER).auth().oauth2(EditorTokens.admin("chief-editor"))
                .queryParam("reason", "test").header("If-Match", "\"0\"")
                .when().delete(QUOTE)
                .then().statusCode(403).body("type", equalTo("/problems/origin-not-allowed"));
        given().when().get(QUOTE).then().statusCode(200).body("retraction", org.hamcrest.Matchers.nullValue());
    }
}
