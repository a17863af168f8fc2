package org.dicta.speaker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpeakerResourceTest {

    @Test
    void listsEverySpeakerInIdOrder() {
        given().when().get("/api/v1/speakers")
                .then().statusCode(200)
                .body("items.id", contains("alexander-lukashenko", "ali-khamenei", "ebrahim-raisi", "iran"))
                .body("items.kind", contains("person", "person", "person", "organization"))
                .body("next", nullValue());
    }

    @Test
    void givesNamesInEveryLanguageAndTheSpellingsOfTheSources() {
        given().when().get("/api/v1/speakers/alexander-lukashenko")
                .then().statusCode(200)
                .body("country", equalTo("BY"))
                .body("names.keySet()", contains("ar", "fa", "en", "ur"))
                .body("names.ar", equalTo("ألكسندر لوكاشينكو"))
                .body("names.fa", equalTo("آلکساندر لوکاشنکو"))
                .body("names.en", equalTo("Alexander Lukashenko"))
                .body("names.ur", equalTo("الیگزینڈر لوکاشنکوو"))
                .body("titles.en", equalTo("President of Belarus"))
                .body("aliases.name", containsInAnyOrder("لوكاشينكو", "لوكاشنكو", "لوکاشنکو", "Lukashenko", "لوکاشنکوو"));
    }

    @Test
    void servesOneLanguageWithLang() {
        given().queryParam("lang", "ur")
                .when().get("/api/v1/speakers/ali-khamenei")
                .then().statusCode(200)
                .header("Content-Language", "ur")
                .body("names.keySet()", contains("ur"))
                .body("names.ur", equalTo("سید علی خامنہ ای"))
                .body("titles.ur", equalTo("رہبر انقلاب اسلامی"))
                .body("aliases", hasSize(1))
                .body("aliases[0].lang", equalTo("ur"));
    }

    @Test
    void organizationsHaveNoTitles() {
        given().queryParam("lang", "ar")
                .when().get("/api/v1/speakers/iran")
                .then().statusCode(200)
                .body("kind", equalTo("organization"))
                .body("names.ar", equalTo("إيران"))
                .body("titles.size()", equalTo(0));
    }

    @Test
    void pagesWithCursor() {
        String next = given().queryParam("limit", 3).when().get("/api/v1/speakers")
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("next", notNullValue())
                .extract().jsonPath().getString("next");
        given().queryParam("limit", 3).queryParam("cursor", next.substring(next.indexOf("cursor=") + 7))
                .when().get("/api/v1/speakers")
                .then().statusCode(200)
                .body("items.id", contains("iran"))
                .body("next", nullValue());
    }

    @Test
    void findsSpeakersByNameInAnyScriptAndSpelling() {
        for (String name : new String[] {"Lukashenko", "لوكاشينكو", "لوکاشنکو", "لوکاشنکوو", "لوكاشنكو", "LUKASH", "Alexander Luka"}) {
            given().queryParam("q", name)
                    .when().get("/api/v1/speakers")
                    .then().statusCode(200)
                    .body("items.id", contains("alexander-lukashenko"));
        }
        given().queryParam("q", "خامنه‌ای").when().get("/api/v1/speakers")
                .then().statusCode(200).body("items.id", contains("ali-khamenei"));
        given().queryParam("q", "رئيسي").when().get("/api/v1/speakers")
                .then().statusCode(200).body("items.id", contains("ebrahim-raisi"));
        given().queryParam("q", "Putin").when().get("/api/v1/speakers")
                .then().statusCode(200).body("items", hasSize(0));
        given().queryParam("q", "  ؟ ").when().get("/api/v1/speakers")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
    }

    @Test
    void unknownSpeakerIs404() {
        given().when().get("/api/v1/speakers/nobody")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no speaker with id 'nobody'."));
    }
}
