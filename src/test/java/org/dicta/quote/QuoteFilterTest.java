package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journalist filters of the quote list, alone and combined, and their 400s. */
@QuarkusTest
class QuoteFilterTest {

    private static List<String> ids(RequestSpecification request) {
        return request.queryParam("limit", 100).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void filtersByModeAndShowsOnlyVariantsInThatMode() {
        given().queryParam("mode", "direct").queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items.variants.flatten().mode", everyItem(equalTo("direct")))
                .body("items.id", hasItem("lukashenko-similar-positions"));
        // The 2023-03-13 sanctions-weapon statement: quoted directly in ar, fa and ur, reported in en.
        given().queryParam("mode", "indirect").queryParam("lang", "en").queryParam("speaker", "ali-khamenei")
                .queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items.id", hasItem("khamenei-neutralise-sanctions-weapon"))
                .body("items.variants.flatten().lang", everyItem(equalTo("en")));
        assertThat(ids(given().queryParam("mode", "direct").queryParam("lang", "en")))
                .containsExactly("khamenei-agreements-must-be-implemented");
    }

    @Test
    void filtersByTopic() {
        assertThat(ids(given().queryParam("topic", "north-south-corridor"))).containsExactly("khamenei-north-south-corridor");
        assertThat(ids(given().queryParam("topic", "spirituality,war-in-ukraine")))
                .containsExactlyInAnyOrder("khamenei-world-needs-spirituality", "lukashenko-supports-beijing-proposals");
        given().queryParam("topic", "trade").queryParam("lang", "fa")
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items.topics.flatten().id", hasItem("trade"))
                .body("items.topics.flatten().labels.fa", hasItem("تجارت"));
    }

    @Test
    void filtersByMeetingDate() {
        List<String> dated = ids(given().queryParam("from", "2023-03-13").queryParam("to", "2023-03-13"));
        assertThat(dated).hasSize(25).doesNotContain("lukashenko-supports-beijing-proposals");
        assertThat(ids(given().queryParam("from", "2023-03-14"))).isEmpty();
        assertThat(ids(given().queryParam("to", "2023-03-12"))).isEmpty();
        assertThat(ids(given().queryParam("to", "2023-12-31"))).hasSize(25);
    }

    @Test
    void filtersByChangeTime() {
        assertThat(ids(given().queryParam("updated_since", "2000-01-01T00:00:00Z"))).hasSize(26);
        assertThat(ids(given().queryParam("updated_since", "2999-01-01T00:00:00+03:30"))).isEmpty();
        // The same through search
        assertThat(ids(given().queryParam("updated_since", "2000-01-01T00:00:00Z").queryParam("q", "sanctions"))).isNotEmpty();
        assertThat(ids(given().queryParam("updated_since", "2999-01-01T00:00:00Z").queryParam("q", "sanctions"))).isEmpty();
    }

    @Test
    void aDateRangeLeavesOutUndatedMeetingsOnBothPaths() {
        assertThat(ids(given().queryParam("from", "0001-01-01"))).hasSize(25).doesNotContain("lukashenko-supports-beijing-proposals");
        assertThat(ids(given().queryParam("from", "0001-01-01").queryParam("q", "بكين"))).isEmpty();
        assertThat(ids(given().queryParam("q", "بكين"))).containsExactly("lukashenko-supports-beijing-proposals");
    }

    @Test
    void rejectsDatesAndTimesOutsideTheCalendarItKnows() {
        for (String[] bad : new String[][] {{"from", "+999999999-12-31"}, {"to", "-0001-01-01"},
                {"updated_since", "+999999999-12-31T00:00:00Z"}}) {
            given().queryParam(bad[0], bad[1]).queryParam("q", "iran")
                    .when().get("/api/v1/quotes")
                    .then().statusCode(400).body("violations[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void rejectsSingleValuedParametersGivenTwiceOrEmpty() {
        given().queryParam("lang", "fa").queryParam("lang", "en").when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("lang"))
                .body("violations[0].message", containsString("2 times"));
        given().queryParam("limit", "").when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "").when().get("/api/v1/speakers")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().queryParam("meeting", "2023-03-13-leader-receives-lukashenko,2023-03-13-raisi-lukashenko-talks")
                .when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("meeting"))
                .body("violations[0].message", equalTo("takes one id, not 2"));
        // The same id twice is one meeting.
        assertThat(ids(given().queryParam("meeting", "2023-03-13-raisi-lukashenko-talks, 2023-03-13-raisi-lukashenko-talks")))
                .isNotEmpty()
                .isEqualTo(ids(given().queryParam("meeting", "2023-03-13-raisi-lukashenko-talks")));
    }

    @Test
    void combinesFiltersWithAnd() {
        assertThat(ids(given().queryParam("speaker", "alexander-lukashenko").queryParam("topic", "sanctions")
                .queryParam("meeting", "2023-03-13-raisi-lukashenko-talks").queryParam("mode", "direct")))
                .containsExactly("lukashenko-sanctions-did-not-stop-iran");
        assertThat(ids(given().queryParam("speaker", "alexander-lukashenko").queryParam("lang", "ur")
                .queryParam("topic", "international-relations").queryParam("from", "2023-01-01")))
                .containsExactly("lukashenko-real-and-false-friends");
    }

    @Test
    void nestedListsTakeTheSameFilters() {
        given().queryParam("topic", "sanctions").queryParam("mode", "direct").queryParam("lang", "fa")
                .when().get("/api/v1/speakers/alexander-lukashenko/quotes")
                .then().statusCode(200)
                .body("items.id", contains("lukashenko-sanctions-an-opportunity"));
        given().queryParam("q", "spirituality")
                .when().get("/api/v1/meetings/2023-03-13-leader-receives-lukashenko/quotes")
                .then().statusCode(200)
                .body("items.id", contains("khamenei-world-needs-spirituality"));
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        Map<String, String> cases = Map.of(
                "mode", "quoted",
                "from", "13/03/2023",
                "to", "2023-02-30",
                "updated_since", "yesterday",
                "sort", "popularity",
                "topic", "Not A Topic");
        cases.forEach((parameter, value) -> given().queryParam(parameter, value)
                .when().get("/api/v1/quotes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains(parameter)));
        given().queryParam("from", "2023-03-14").queryParam("to", "2023-03-13")
                .when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("from"))
                .body("violations[0].message", containsString("after to"));
        given().queryParam("sort", "relevance")
                .when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().queryParam("topic", "no-such-topic")
                .when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations[0].message", containsString("no topic with id 'no-such-topic'"));
        given().queryParam("mode", "quoted").queryParam("from", "x").queryParam("limit", "0")
                .when().get("/api/v1/quotes")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("mode", "from", "limit"));
    }

    @Test
    void everyFaultyParameterOfEveryListIsNamedInOneAnswerAlwaysInTheSameOrder() {
        for (String list : List.of("/api/v1/quotes", "/api/v1/speakers/ali-khamenei/quotes",
                "/api/v1/meetings/2023-03-13-leader-receives-lukashenko/quotes")) {
            for (int repeat = 0; repeat < 3; repeat++) {
                given().queryParam("from", "2023-13-01").queryParam("to", "x").queryParam("topic", "A,sanctions,b c")
                        .queryParam("include_retracted", "yes").queryParam("sort", "relevance").queryParam("limit", "500")
                        .queryParam("updated_since", "2023-03-13")
                        .when().get(list)
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("violations.field", contains("from", "include_retracted", "sort", "to", "topic", "topic",
                                "updated_since", "limit"))
                        .body("violations.find { it.field == 'include_retracted' }.message", equalTo("must be true or false"))
                        .body("violations.findAll { it.field == 'topic' }.message", contains(
                                "'A' is not an id: ids are lower-case letters, digits, '-' and '_'",
                                "'b c' is not an id: ids are lower-case letters, digits, '-' and '_'"))
                        .body("detail", containsString("to: must be an ISO 8601 date (YYYY-MM-DD) in the years 1 to 9999, not 'x'"));
            }
        }
    }

    @Test
    void aMessageQuotesTheValueSentLiterallyEvenWhenItLooksLikeATemplate() {
        given().queryParam("from", "${1+1}{x}\\")
                .when().get("/api/v1/quotes")
                .then().statusCode(400)
                .body("violations[0].message", equalTo(
                        "must be an ISO 8601 date (YYYY-MM-DD) in the years 1 to 9999, not '${1+1}{x}\\'"));
    }

    @Test
    void listsTheTopics() {
        given().when().get("/api/v1/topics")
                .then().statusCode(200)
                .body("items.id", hasItem("north-south-corridor"))
                .body("items", hasSize(9))
                .body("items[0].labels.keySet()", contains("ar", "fa", "en", "ur"));
        given().queryParam("lang", "ur").when().get("/api/v1/topics")
                .then().statusCode(200)
                .header("Content-Language", "ur")
                .body("items[0].labels.ur", equalTo("پابندیاں"));
    }
}
