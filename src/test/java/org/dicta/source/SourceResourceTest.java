package org.dicta.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourceResourceTest {

    private static final List<String> SEEDS = List.of("000_26e08119a475d493", "001_e2ce688135970981",
            "002_fcbcff514eaca929", "003_b5ccf18f57044a7b", "004_dbc71cf8bbbb5a4e");

    @Test
    void servesEverySeedDocumentByteForByte() throws Exception {
        for (String id : SEEDS) {
            byte[] file = Files.readAllBytes(Path.of("seeds", id + ".txt"));
            JsonPath source = given().when().get("/api/v1/sources/" + id)
                    .then().statusCode(200).extract().jsonPath();
            String text = source.getString("text");
            assertThat(text.getBytes(StandardCharsets.UTF_8)).as("text of %s", id).isEqualTo(file);
            assertThat(source.getString("sha256")).isEqualTo(sha256(file));
            assertThat(source.getInt("length")).isEqualTo(text.length());
        }
    }

    @Test
    void keepsTheLeadingBlankLinesAndLostZeroWidthNonJoinersOfThePersianReport() throws IOException {
        String text = given().when().get("/api/v1/sources/001_e2ce688135970981")
                .then().statusCode(200)
                .body("lang", equalTo("fa"))
                .body("headline", equalTo("دیدار رئیس جمهور بلاروس و هیئت همراه - 22 / اسفند / 1401"))
                .body("publisher", nullValue())
                .body("date", equalTo("2023-03-13"))
                .extract().jsonPath().getString("text");
        assertThat(text).startsWith("\n\n\n\n").contains("خامنهای").doesNotContain("\u200c");
    }

    @Test
    void namesThePublisherOnlyWhereTheTextDoes() {
        given().when().get("/api/v1/sources")
                .then().statusCode(200)
                .body("items.id", contains(SEEDS.toArray()))
                .body("items.publisher", contains(null, null, "www.irna.ir", null, null))
                .body("items.date", contains("2023-03-13", "2023-03-13", "2023-03-13", null, null))
                .body("items[0].text", nullValue());
    }

    @Test
    void filtersByLanguage() {
        given().queryParam("lang", "ar")
                .when().get("/api/v1/sources")
                .then().statusCode(200)
                .body("items.id", contains("000_26e08119a475d493", "003_b5ccf18f57044a7b"));
        given().queryParam("lang", "ur").queryParam("limit", 1)
                .when().get("/api/v1/sources")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("next", nullValue());
    }

    @Test
    void unknownSourceIs404() {
        given().when().get("/api/v1/sources/999_nothing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no source with id '999_nothing'."));
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
