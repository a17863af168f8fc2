package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RandomQuoteTest {

    @Test
    void picksAmongTheQuotesThatMatchTheFilters() {
        Set<String> raisiInArabic = Set.copyOf(given().queryParam("speaker", "ebrahim-raisi").queryParam("lang", "ar")
                .when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            JsonPath quote = given().queryParam("speaker", "ebrahim-raisi").queryParam("lang", "ar")
                    .when().get("/api/v1/quotes/random")
                    .then().statusCode(200)
                    .header("Cache-Control", containsString("no-store"))
                    .header("Content-Language", "ar")
                    .extract().jsonPath();
            assertThat(quote.getString("speaker.id")).isEqualTo("ebrahim-raisi");
            assertThat(quote.getList("variants.lang", String.class)).containsOnly("ar");
            assertThat(quote.getString("text")).isEqualTo(quote.getString("variants[0].text"));
            drawn.add(quote.getString("id"));
        }
        assertThat(raisiInArabic).containsAll(drawn);
    }

    @Test
    void honoursTopicAndMode() {
        // The spirituality statement is quoted directly only in the Arabic report.
        for (int i = 0; i < 10; i++) {
            given().queryParam("topic", "spirituality").queryParam("mode", "direct")
                    .when().get("/api/v1/quotes/random")
                    .then().statusCode(200)
                    .body("id", equalTo("khamenei-world-needs-spirituality"))
                    .body("variants.lang", org.hamcrest.Matchers.contains("ar"))
                    .body("variants.mode", org.hamcrest.Matchers.contains("direct"));
        }
        given().queryParam("topic", "spirituality").queryParam("mode", "direct").queryParam("lang", "ur")
                .when().get("/api/v1/quotes/random")
                .then().statusCode(404);
    }

    @Test
    void answers404WhenNothingMatches() {
        given().queryParam("topic", "war-in-ukraine").queryParam("lang", "fa")
                .when().get("/api/v1/quotes/random")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No quote matches these filters."));
    }

    @Test
    void rejectsBadFilters() {
        given().queryParam("mode", "loud").queryParam("speaker", "nobody")
                .when().get("/api/v1/quotes/random")
                .then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("mode"));
        given().queryParam("speaker", "nobody").when().get("/api/v1/quotes/random")
                .then().statusCode(400).body("violations[0].field", equalTo("speaker"));
    }
}
