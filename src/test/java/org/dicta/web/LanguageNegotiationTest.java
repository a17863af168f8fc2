package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Choosing the language of a response with lang and Accept-Language (RFC 9110). */
@QuarkusTest
class LanguageNegotiationTest {

    private static final String QUOTE = "/api/v1/quotes/khamenei-north-south-corridor";

    private static Response withAcceptLanguage(String header) {
        return given().header("Accept-Language", header).when().get(QUOTE);
    }

    @Test
    void picksTheLanguageWithTheHighestQValue() {
        withAcceptLanguage("en;q=0.5, ur;q=0.9, fa;q=0.7")
                .then().statusCode(200)
                .header("Content-Language", "ur")
                .header("Vary", equalTo("Accept-Language"))
                .body("lang", equalTo("ur"))
                .body("variants.lang", contains("ur"))
                .body("text", equalTo("یہ کوریڈور دونوں ملکوں اور اسی طرح روس اور خطے کے مفاد میں ہے اور فریقین کو اسے عملی جامہ پہنانے کی کوشش کرنی چاہیے"));
    }

    @Test
    void matchesRegionalRangesToTheirLanguage() {
        withAcceptLanguage("fa-IR").then().statusCode(200).header("Content-Language", "fa").body("lang", equalTo("fa"));
        withAcceptLanguage("ur-PK, en;q=0.8").then().statusCode(200).header("Content-Language", "ur");
    }

    @Test
    void skipsUnsupportedAndExcludedLanguages() {
        withAcceptLanguage("de-DE, de;q=0.9, ar;q=0.3").then().statusCode(200).header("Content-Language", "ar");
        withAcceptLanguage("ur;q=0, fa;q=0.2").then().statusCode(200).header("Content-Language", "fa");
    }

    @Test
    void fallsBackToEnglishWhenNoPreferredLanguageIsSupported() {
        withAcceptLanguage("de, fr;q=0.8").then().statusCode(200)
                .header("Content-Language", "en")
                .body("variants.lang", contains("en"));
    }

    @Test
    void fallsBackPerFieldAndSaysWhichLanguagesWereServed() {
        // The China visit has titles in ar and en only; the quote has an Arabic variant only.
        given().header("Accept-Language", "ur, fa;q=0.5")
                .when().get("/api/v1/quotes/lukashenko-supports-beijing-proposals")
                .then().statusCode(200)
                .header("Content-Language", "ur, en, ar")
                .body("speaker.names.ur", equalTo("الیگزینڈر لوکاشنکوو"))
                .body("meeting.titles.en", equalTo("Lukashenko's visit to China"))
                .body("variants.lang", contains("ar"))
                .body("lang", equalTo("ar"));
    }

    @Test
    void servesEveryLanguageForAStarOrNoPreference() {
        for (String header : new String[] {"*", ""}) {
            Response response = withAcceptLanguage(header);
            response.then().statusCode(200).body("variants", hasSize(4)).body("lang", nullValue()).body("text", nullValue());
            assertThat(response.getHeader("Content-Language")).isNull();
            assertThat(response.getHeader("Vary")).contains("Accept-Language");
        }
    }

    @Test
    void langOverridesTheHeaderAndLangAllServesEverything() {
        Response explicit = given().header("Accept-Language", "ur").queryParam("lang", "fa").when().get(QUOTE);
        explicit.then().statusCode(200).header("Content-Language", "fa");
        assertThat(explicit.getHeaders().getValues("Vary")).doesNotContain("Accept-Language");
        given().header("Accept-Language", "ur").queryParam("lang", "all").when().get(QUOTE)
                .then().statusCode(200).body("variants", hasSize(4));
    }

    @Test
    void acceptLanguageChoosesButDoesNotFilterLists() {
        given().header("Accept-Language", "en").queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items", hasSize(26))
                .body("items.find { it.id == 'raisi-relations-for-30-years' }.variants.lang", contains("ar"))
                .body("items.find { it.id == 'khamenei-north-south-corridor' }.variants.lang", contains("en"));
    }

    @Test
    void aStarDoesNotBringBackALanguageRefusedWithQZero() {
        withAcceptLanguage("fa;q=0, *").then().statusCode(200).header("Content-Language", "ar");
        withAcceptLanguage("ar;q=0, fa;q=0, *;q=0.5").then().statusCode(200).header("Content-Language", "en");
    }

    @Test
    void ignoresAMalformedHeader() {
        withAcceptLanguage(";;q=x,,").then().statusCode(200).body("variants", hasSize(4));
    }
}
