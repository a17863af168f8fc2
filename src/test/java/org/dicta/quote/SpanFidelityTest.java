package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dicta's core promise, checked through the public API: every variant's span slices its source to exactly its text. */
@QuarkusTest
class SpanFidelityTest {

    @Test
    void everyVariantSpanSlicesItsSourceTextToExactlyTheVariantText() {
        List<Map<String, Object>> quotes = given().queryParam("limit", 100).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> sources = new HashMap<>();
        int checked = 0;
        for (Map<String, Object> quote : quotes) {
            JsonPath json = given().when().get("/api/v1/quotes/" + quote.get("id")).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> variants = json.getList("variants");
            assertThat(variants).as("variants of %s", quote.get("id")).isNotEmpty();
            for (int i = 0; i < variants.size(); i++) {
                String sourceId = json.getString("variants[" + i + "].source.id");
                String text = sources.computeIfAbsent(sourceId, id -> given().when().get("/api/v1/sources/" + id)
                        .then().statusCode(200).extract().jsonPath().getString("text"));
                int start = json.getInt("variants[" + i + "].span.start");
                int end = json.getInt("variants[" + i + "].span.end");
                assertThat(text.substring(start, end))
                        .as("%s variant %d (%s)", quote.get("id"), i, sourceId)
                        .isEqualTo(json.getString("variants[" + i + "].text"));
                assertThat(json.getString("variants[" + i + "].lang"))
                        .isEqualTo(json.getString("variants[" + i + "].source.lang"));
                checked++;
            }
        }
        assertThat(quotes).hasSize(26);
        assertThat(checked).isEqualTo(72);
        assertThat(sources).hasSize(5);
    }
}
