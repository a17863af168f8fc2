package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Full-text search over the variants of the seed corpus, in four scripts. */
@QuarkusTest
class QuoteSearchTest {

    private static JsonPath search(String q, Object... more) {
        var request = given().queryParam("q", q).queryParam("limit", 100);
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam((String) more[i], more[i + 1]);
        }
        return request.when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
    }

    /** Every highlight of every variant, as the text it covers. */
    private static List<String> highlighted(JsonPath result) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> variants = result.getList("items.variants.flatten()");
        for (Map<String, Object> variant : variants) {
            String text = (String) variant.get("text");
            @SuppressWarnings("unchecked")
            List<Map<String, Integer>> highlights = (List<Map<String, Integer>>) variant.get("highlights");
            highlights.forEach(h -> found.add(text.substring(h.get("start"), h.get("end"))));
        }
        return found;
    }

    @Test
    void findsTheSameStatementAcrossLanguagesWithHighlights() {
        // Arabic «حربة» (teh marbuta) and Persian «حربه» (heh) are one word to the search.
        JsonPath result = search("حربه");
        assertThat(result.getList("items.id", String.class)).containsExactly("khamenei-neutralise-sanctions-weapon");
        assertThat(result.getList("items[0].variants.lang", String.class)).containsExactly("ar", "fa");
        assertThat(highlighted(result)).containsExactly("حربة", "حربه");
    }

    @Test
    void searchesWithinOneLanguage() {
        JsonPath result = search("حربه", "lang", "fa");
        assertThat(result.getList("items[0].variants.lang", String.class)).containsExactly("fa");
        assertThat(result.getString("items[0].text")).contains("حربه تحریم");
    }

    @Test
    void matchesAllWordsInOneVariantAndPhrasesInOrder() {
        assertThat(search("weapon blunting").getList("items.id", String.class))
                .containsExactly("khamenei-neutralise-sanctions-weapon");
        assertThat(search("\"blunting this weapon\"").getList("items.id", String.class))
                .containsExactly("khamenei-neutralise-sanctions-weapon");
        assertThat(search("\"weapon blunting\"").getList("items.id")).isEmpty();
        // Words from two different variants of one quote do not make a match.
        assertThat(search("blunting حربه").getList("items.id")).isEmpty();
        JsonPath phrase = search("«حربه تحریم»");
        assertThat(highlighted(phrase)).containsExactly("حربه تحریم");
    }

    @Test
    void foldsLetterFormsDigitsAndDiacriticsEndToEnd() {
        // Urdu «امریکا» (004), Persian «آمریکا» (001) and Arabic «أمريكا» (000) with any spelling typed
        assertThat(search("امریکا").getList("items.variants.flatten().lang", String.class)).contains("ar", "fa", "ur");
        // «30 عاماً» (003) found with Persian and Arabic-Indic digits, and without the tanween
        assertThat(search("۳۰ عاما").getList("items.id", String.class)).containsExactly("raisi-relations-for-30-years");
        assertThat(highlighted(search("٣٠"))).containsExactly("30");
        // «الممرّ» with shadda (000) typed bare and with tatweel
        assertThat(search("الممـر").getList("items.id", String.class)).containsExactly("khamenei-north-south-corridor");
        // Urdu heh doachashmee: «انھیں» (004) typed «انہیں»
        assertThat(search("انہیں", "lang", "ur").getList("items.id")).isNotEmpty();
        // Latin case and accents
        assertThat(search("MÍNSK").getList("items.id", String.class)).containsExactly("khamenei-north-south-corridor");
    }

    @Test
    void matchesPersianCompoundsWrittenWithZwnjSpaceOrNothing() {
        // 001 lost its ZWNJs: «تحریمهای» in the text; journalists type «تحریم‌های» or «تحریم های»
        List<String> lostZwnj = search("تحریمهای").getList("items.id", String.class);
        assertThat(lostZwnj).isNotEmpty();
        assertThat(search("تحریم\u200Cهای").getList("items.id", String.class)).isEqualTo(lostZwnj);
        assertThat(search("تحریم های").getList("items.id", String.class)).isEqualTo(lostZwnj);
        // «میتواند» (001) typed «می‌تواند»
        JsonPath canDrive = search("می\u200Cتواند", "lang", "fa");
        assertThat(canDrive.getList("items.id", String.class)).contains("khamenei-world-needs-spirituality");
        assertThat(highlighted(canDrive)).contains("میتواند");
    }

    @Test
    void searchesArabicParticlesThatLookLikePersianAffixes() {
        // «في» in «في مصلحة البلدين» (000) stays a word of its own in Arabic texts.
        assertThat(search("في مصلحة", "lang", "ar").getList("items.id", String.class)).contains("khamenei-north-south-corridor");
        assertThat(highlighted(search("\"في مصلحة\"", "lang", "ar"))).containsExactly("في مصلحة");
    }

    @Test
    void ranksByRelevanceWhenAsked() {
        JsonPath byRelevance = search("sanctions", "sort", "relevance");
        List<String> ids = byRelevance.getList("items.id", String.class);
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(search("sanctions").getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void pagesThroughSearchResultsWithoutRepeatsOrSkipsUnderEachSort() {
        for (String sort : List.of("date", "relevance")) {
            for (String q : List.of("ایران", "sanctions", "امریکا")) {
                List<String> all = search(q, "sort", sort).getList("items.id", String.class);
                assertThat(all).as("%s sorted by %s", q, sort).hasSizeGreaterThan(2);
                List<String> paged = new ArrayList<>();
                String cursor = null;
                do {
                    var request = given().queryParam("q", q).queryParam("sort", sort).queryParam("limit", 2);
                    if (cursor != null) {
                        request.queryParam("cursor", cursor);
                    }
                    JsonPath page = request.when().get("/api/v1/quotes").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
                    paged.addAll(page.getList("items.id", String.class));
                    String next = page.getString("next");
                    cursor = next == null ? null : next.substring(next.indexOf("cursor=") + "cursor=".length());
                } while (cursor != null);
                assertThat(paged).as("%s paged by %s", q, sort).isEqualTo(all);
            }
        }
    }

    @Test
    void rejectsACursorFromAnotherSearch() {
        String next = given().queryParam("q", "ایران").queryParam("limit", 1).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath().getString("next");
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        given().queryParam("q", "sanctions").queryParam("cursor", cursor)
                .when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void rejectsQueriesWithoutWordsOrTooLong() {
        given().queryParam("q", " ،؟ - ").when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("q"))
                .body("violations[0].message", containsString("no word"));
        given().queryParam("q", "تحریم ".repeat(100)).when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].message", containsString("longer than 500"));
    }

    @Test
    void combinesSearchWithFilters() {
        given().queryParam("q", "تحریم").queryParam("speaker", "alexander-lukashenko").queryParam("mode", "direct")
                .queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items.id", contains("lukashenko-sanctions-an-opportunity"))
                .body("items[0].variants", hasSize(1))
                .body("items.variants.flatten().lang", everyItem(equalTo("fa")));
    }
}
