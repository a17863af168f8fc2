package org.dicta.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/**
 * Per-client budgets: a client that spends one gets 429 with Retry-After and a problem, the request does nothing, and
 * the other kinds of request are not affected. The budgets here are tiny and refill slowly, so that they run out.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Tiny.class)
class RateLimitTest {

    public static class Tiny implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("dicta.test.database", "limits");
            config.put("dicta.rate-limit.enabled", "true");
            for (String kind : new String[] {"reads", "searches", "writes"}) {
                config.put("dicta.rate-limit." + kind + ".requests", "1");
                config.put("dicta.rate-limit." + kind + ".period", "1h");
            }
            config.put("dicta.rate-limit.reads.burst", "6");
            config.put("dicta.rate-limit.searches.burst", "3");
            config.put("dicta.rate-limit.writes.burst", "2");
            // Forwarded addresses believed from anyone: the configuration SECURITY.md warns against, to show what
            // still holds under it.
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.allow-x-forwarded", "true");
            return config;
        }
    }

    @Test
    void eachKindOfRequestHasItsOwnBudgetAndASpentOneIsAnswered429() {
        // Searches: 3, then refused; reads are still served.
        for (int i = 0; i < 3; i++) {
            given().queryParam("q", "sanctions").when().get("/api/v1/quotes").then().statusCode(200);
        }
        Response refused = given().queryParam("q", "sanctions").when().get("/api/v1/quotes");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("/problems/too-many-requests");
        assertThat(refused.jsonPath().getString("detail")).contains("searches", "retry after");
        given().accept("application/x-ndjson").when().get("/api/v1/quotes").then().statusCode(429);
        given().accept("TEXT/CSV").when().get("/api/v1/quotes").then().statusCode(429); // an export, however spelt

        // Writes: 2 attempts (refused by validation, but counted), then 429 before the API sees the third.
        String editor = EditorTokens.editor("flooding-editor");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(editor).contentType(ContentType.JSON).body("{}").when().post("/api/v1/quotes")
                    .then().statusCode(400);
        }
        String quote = """
                {"id": "flood-quote", "speaker": "ali-khamenei", "meeting": "2023-03-13-leader-receives-lukashenko",
                 "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect",
                               "text": "Tehran and Minsk should strive to make it a reality"}], "reason": "Flood"}
                """;
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(quote).when().post("/api/v1/quotes")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("writes"));

        // Reads: 6 in all; the refused write created nothing.
        given().when().get("/api/v1/quotes/flood-quote").then().statusCode(404);
        for (int i = 0; i < 5; i++) {
            given().when().get("/api/v1/languages").then().statusCode(200);
        }
        given().when().get("/api/v1/languages").then().statusCode(429).body("status", equalTo(429));
    }

    @Test
    void theStatementFinderSpendsTheBudgetForSearchesNotReadsOrWrites() {
        String address = "203.0.113.15";
        for (String path : List.of("/api/v1/sources/001_e2ce688135970981/candidates",
                "/api/v1/meetings/2023-03-13-raisi-lukashenko-talks/candidates", "/api/v1/sources/003_b5ccf18f57044a7b/candidates")) {
            given().header("X-Forwarded-For", address).when().get(path).then().statusCode(200);
        }
        given().header("X-Forwarded-For", address).when().get("/api/v1/sources/001_e2ce688135970981/candidates")
                .then().statusCode(429).body("detail", containsString("searches"));
        given().header("X-Forwarded-For", address).when().get("/api/v1/languages").then().statusCode(200);

        // An editor's reading of a text not stored is a search too: the editor's budget for writes is left whole.
        String editor = EditorTokens.editor("reading-editor");
        String body = "{\"lang\": \"en\", \"text\": \"The minister said that talks would go on.\"}";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.16").auth().oauth2(editor).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/candidates").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.16").auth().oauth2(editor).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/candidates").then().statusCode(429).body("detail", containsString("searches"));
        given().header("X-Forwarded-For", "203.0.113.17").auth().oauth2(editor).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/quotes").then().statusCode(400);
    }

    @Test
    void anEditorsWritesAreCountedWhateverAddressTheyClaim() {
        String editor = EditorTokens.editor("roaming-editor");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(editor).header("X-Forwarded-For", "198.51.100." + i).contentType(ContentType.JSON)
                    .body("{}").when().post("/api/v1/quotes").then().statusCode(400);
        }
        given().auth().oauth2(editor).header("X-Forwarded-For", "198.51.100.99").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/quotes")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("The editor 'roaming-editor' has used up the budget for writes"));
        // Another editor from the same claimed address is not held back by this one.
        given().auth().oauth2(EditorTokens.editor("another-editor")).header("X-Forwarded-For", "198.51.100.98")
                .contentType(ContentType.JSON).body("{}").when().post("/api/v1/quotes").then().statusCode(400);
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        // Six reads from six addresses of one /64 spend that network's budget; a neighbouring /64 has its own.
        for (int i = 1; i <= 6; i++) {
            given().header("X-Forwarded-For", "2001:db8:1:2::" + i).when().get("/api/v1/languages").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:ffff").when().get("/api/v1/languages")
                .then().statusCode(429).body("detail", containsString("reads"));
        given().header("X-Forwarded-For", "2001:db8:1:3::1").when().get("/api/v1/languages").then().statusCode(200);
    }

    @Test
    void operationsEndpointsAndPagesAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            given().when().get("/q/health/live").then().statusCode(200);
        }
    }
}
