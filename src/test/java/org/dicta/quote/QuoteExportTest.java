package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export formats of the quote list, read back and compared with the JSON API. */
@QuarkusTest
class QuoteExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonPath page(Object... query) {
        var request = given().queryParam("limit", 100);
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam((String) query[i], query[i + 1]);
        }
        return request.when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void streamsEveryMatchingQuoteAsNdjson() throws Exception {
        String body = given().accept("application/x-ndjson")
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .contentType(containsString("application/x-ndjson"))
                .extract().asString();
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(26);
        List<String> ids = lines.stream().map(line -> read(line).get("id").asText()).toList();
        assertThat(ids).isEqualTo(page().getList("items.id", String.class));
        JsonNode first = read(lines.get(0));
        assertThat(first.get("variants").get(0).get("span").get("end").asInt()).isPositive();
    }

    @Test
    void headRequestsOfExportsLeaveNoSlotTaken() {
        // More HEAD requests than there are export slots (4): each slot is given back when its response ends.
        for (int i = 0; i < 6; i++) {
            given().accept("text/csv").when().head("/api/v1/quotes").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        }
        String body = given().accept("application/x-ndjson").when().get("/api/v1/quotes").then().statusCode(200)
                .extract().asString();
        assertThat(body.lines().count()).isEqualTo(26);
    }

    @Test
    void ndjsonTakesTheListFilters() {
        String body = given().accept("application/x-ndjson").queryParam("speaker", "alexander-lukashenko")
                .queryParam("lang", "ur")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).extract().asString();
        List<JsonNode> quotes = body.lines().filter(line -> !line.isBlank()).map(QuoteExportTest::read).toList();
        assertThat(quotes).hasSize(5);
        assertThat(quotes).allSatisfy(quote -> assertThat(quote.get("text").asText()).isNotBlank());
    }

    @Test
    void exportsOneCsvRowPerVariantThatReadsBackAsTheApiServesIt() throws Exception {
        byte[] body = given().accept("text/csv")
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .extract().asByteArray();
        assertThat(Arrays.copyOf(body, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("quote_id,speaker_id,speaker_name,meeting_id,meeting_date,"
                + "topics,variant_id,lang,mode,text,source_id,publisher,source_date,span_start,span_end,note,citation");
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> reader = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows = reader.readAll();
        }
        assertThat(rows).hasSize(72);
        JsonPath api = page();
        List<Map<String, Object>> variants = api.getList("items.variants.flatten()");
        for (int i = 0; i < variants.size(); i++) {
            Map<String, Object> variant = variants.get(i);
            Map<String, String> row = rows.get(i);
            assertThat(row.get("variant_id")).isEqualTo(String.valueOf(variant.get("id")));
            assertThat(row.get("text")).isEqualTo(variant.get("text"));
            assertThat(row.get("lang")).isEqualTo(variant.get("lang"));
            assertThat(row.get("mode")).isEqualTo(variant.get("mode"));
            assertThat(row.get("span_start")).isEqualTo(String.valueOf(((Map<?, ?>) variant.get("span")).get("start")));
            assertThat(row.get("citation")).isEqualTo(variant.get("citation"));
        }
        Map<String, String> weapon = rows.stream()
                .filter(row -> row.get("quote_id").equals("khamenei-neutralise-sanctions-weapon") && row.get("lang").equals("ar"))
                .findFirst().orElseThrow();
        assertThat(weapon.get("text")).contains("للقضاء على \"حربة\" الحظر");
        assertThat(weapon.get("speaker_name")).isEqualTo("Ali Khamenei");
        assertThat(weapon.get("topics")).isEqualTo("sanctions;international-relations");
        assertThat(weapon.get("meeting_date")).isEqualTo("2023-03-13");
    }

    @Test
    void describesAQuoteAsSchemaOrgJsonLd() throws Exception {
        String body = given().accept("application/ld+json")
                .when().get("/api/v1/quotes/khamenei-neutralise-sanctions-weapon")
                .then().statusCode(200)
                .contentType(containsString("application/ld+json"))
                .extract().asString();
        JsonNode quote = JSON.readTree(body);
        assertThat(quote.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(quote.get("@type").asText()).isEqualTo("Quotation");
        assertThat(quote.get("spokenByCharacter").get("@type").asText()).isEqualTo("Person");
        assertThat(quote.get("spokenByCharacter").get("@id").asText()).endsWith("/api/v1/speakers/ali-khamenei");
        assertThat(quote.get("dateCreated").asText()).isEqualTo("2023-03-13");
        JsonNode variants = quote.get("workExample");
        assertThat(variants).hasSize(4);
        JsonNode english = variants.get(2);
        assertThat(english.get("inLanguage").asText()).isEqualTo("en");
        assertThat(english.get("text").asText()).contains("blunting this weapon");
        assertThat(english.get("isBasedOn").get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(english.get("isBasedOn").get("publisher").get("name").asText()).isEqualTo("www.irna.ir");
        assertThat(english.get("workTranslation")).hasSize(3);
        assertThat(english.get("workTranslation").get(0).get("@id").asText()).isEqualTo(variants.get(0).get("@id").asText());
    }

    @Test
    void givesEachVariantACitation() {
        JsonPath english = given().queryParam("lang", "en")
                .when().get("/api/v1/quotes/khamenei-neutralise-sanctions-weapon")
                .then().statusCode(200).extract().jsonPath();
        assertThat(english.getString("variants[0].citation")).isEqualTo("Ali Khamenei, The Leader of the Islamic Revolution "
                + "receives the Belarusian President and his delegation, 2023-03-13; reported in English by www.irna.ir, \"The "
                + "Leader holds talks with the Belarusian President to Enhance Bilateral Relations - 13 /Mar/ 2023\" "
                + "(2023-03-13), Dicta quote khamenei-neutralise-sanctions-weapon, variant " + english.getLong("variants[0].id")
                + ".");
        given().when().get("/api/v1/quotes/lukashenko-supports-beijing-proposals")
                .then().statusCode(200)
                .body("variants", hasSize(1))
                .body("variants[0].citation", containsString("Lukashenko's visit to China, undated; reported in Arabic by "
                        + "source 003_b5ccf18f57044a7b"));
    }

    @Test
    void answersWildcardsWithJsonAndSaysThatTheFormatDependsOnAccept() {
        given().accept("application/*").when().get("/api/v1/quotes/khamenei-north-south-corridor")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Vary", containsString("Accept"))
                .body("id", equalTo("khamenei-north-south-corridor"));
        given().accept("application/*;q=0.5, text/plain").queryParam("limit", 1).when().get("/api/v1/quotes")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("items", hasSize(1));
        given().accept("text/csv").header("Accept-Language", "ur").when().get("/api/v1/quotes")
                .then().statusCode(200)
                .header("Vary", containsString("Accept-Language"));
        given().accept("application/x-ndjson").queryParam("lang", "ur").when().get("/api/v1/quotes")
                .then().statusCode(200)
                .header("Content-Language", "ur");
    }

    @Test
    void refusesFormatsItDoesNotServe() {
        given().accept("application/xml").when().get("/api/v1/quotes")
                .then().statusCode(406).contentType("application/problem+json");
        given().accept("text/csv").when().get("/api/v1/quotes/khamenei-neutralise-sanctions-weapon")
                .then().statusCode(406).contentType("application/problem+json");
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
