package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** With the default settings any web page may read Dicta from a browser, and none may write. */
@QuarkusTest
class CrossOriginTest {

    private static final String PAGE = "https://blog.example";
    private static final String QUOTE = "/api/v1/quotes/khamenei-north-south-corridor";

    @Test
    void anyPageMayReadAQuoteAndSeeItsETag() {
        for (int round = 0; round < 2; round++) { // the second read is a hit of the response cache
            Response response = given().header("Origin", PAGE).queryParam("lang", "ur").when().get(QUOTE);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(response.header("Access-Control-Expose-Headers")).contains("ETag", "Link");
            assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(response.jsonPath().getString("lang")).isEqualTo("ur");
        }
    }

    @Test
    void everyReadSaysTheSameToAllSoThatASharedCacheCannotMixThemUp() {
        Response response = given().when().get("/api/v1/languages");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.headers().getValues("Vary")).noneMatch(vary -> vary.contains("Origin"));
    }

    @Test
    void operationsEndpointsAreNotOfferedToWebPages() {
        given().header("Origin", PAGE).when().get("/q/health/live")
                .then().statusCode(200).header("Access-Control-Allow-Origin", (String) null);
    }

    @Test
    void problemsAndTheSpecAreReadableCrossOriginToo() {
        given().header("Origin", PAGE).when().get("/api/v1/quotes/no-such-quote")
                .then().statusCode(404).contentType("application/problem+json").header("Access-Control-Allow-Origin", "*");
        given().header("Origin", PAGE).when().get("/q/openapi")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void aReadPreflightIsAnsweredForTheConditionalAndLanguageHeaders() {
        given().header("Origin", PAGE).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept-language, if-none-match")
                .when().options("/api/v1/quotes")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD")
                .header("Access-Control-Allow-Headers", containsString("if-none-match"))
                .header("Access-Control-Allow-Headers", containsString("accept-language"))
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void noPageMayWriteByDefault() {
        given().header("Origin", PAGE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/api/v1/quotes")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", (String) null)
                .body("type", equalTo("/problems/origin-not-allowed"))
                .body("detail", containsString("dicta.api.cors.write-origins"));

        // A request the browser sends without asking (or a forged one) is refused before the API sees it.
        given().header("Origin", PAGE).auth().oauth2(EditorTokens.editor("desk-editor")).contentType(ContentType.JSON)
                .body("{}").when().post("/api/v1/quotes")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/origin-not-allowed"))
                .body("instance", equalTo("/api/v1/quotes"));
    }

    @Test
    void aPageOfDictasOwnOriginReachesTheApiWhichThenAsksForAToken() {
        String own = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().header("Origin", own).contentType(ContentType.JSON).body("{}").when().post("/api/v1/quotes")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
