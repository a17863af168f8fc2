package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicta.support.VariedCorpusProfile;
import org.dicta.support.VariedCorpusProfile.Expected;
import org.junit.jupiter.api.Test;

/** Order and paging invariants on a corpus spread over many dates, with ties on each date. */
@QuarkusTest
@TestProfile(VariedCorpusProfile.class)
class DateOrderPagingTest {

    private static List<String> all(Map<String, Object> query) {
        return given().queryParams(query).queryParam("limit", 100).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static List<String> paged(Map<String, Object> query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(query).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id", String.class);
            String next = page.getString("next");
            assertThat(items).hasSizeLessThanOrEqualTo(limit);
            if (next != null) {
                assertThat(items).hasSize(limit);
            }
            ids.addAll(items);
            cursor = next == null ? null : next.substring(next.indexOf("cursor=") + "cursor=".length());
        } while (cursor != null);
        return ids;
    }

    @Test
    void listsNewestMeetingFirstThenByIdWithTheUndatedLast() {
        List<String> expected = VariedCorpusProfile.expectedOrder().stream().map(Expected::id).toList();
        assertThat(all(Map.of())).isEqualTo(expected);
    }

    @Test
    void pagingNeverRepeatsOrSkipsWhateverThePageSize() {
        List<String> expected = all(Map.of());
        for (int limit : new int[] {1, 3, 4, 7, 45}) {
            assertThat(paged(Map.of(), limit)).as("limit %d", limit).isEqualTo(expected);
        }
        List<String> speakerTwo = all(Map.of("speaker", "speaker-two"));
        assertThat(paged(Map.of("speaker", "speaker-two"), 4)).isEqualTo(speakerTwo).hasSize(18);
    }

    @Test
    void searchPagesTheSameWayUnderEachSort() {
        List<String> byDate = all(Map.of("q", "common trade"));
        assertThat(byDate).isEqualTo(all(Map.of()));
        assertThat(paged(Map.of("q", "common trade"), 4)).isEqualTo(byDate);

        // Five quotes per meeting share each score: ties are broken by id across pages.
        List<String> byRelevance = all(Map.of("q", "partners", "sort", "relevance"));
        assertThat(byRelevance).hasSize(45).doesNotHaveDuplicates();
        for (int limit : new int[] {1, 4, 10}) {
            assertThat(paged(Map.of("q", "partners", "sort", "relevance"), limit)).as("limit %d", limit).isEqualTo(byRelevance);
        }
    }

    @Test
    void relevanceRanksTheQuotesWithTheWordMostOftenFirst() {
        List<String> byRelevance = all(Map.of("q", "partners", "sort", "relevance"));
        // Quote q of each meeting says "partners" q + 1 times: the nine saying it five times come first, by id.
        assertThat(byRelevance.subList(0, 9)).allMatch(id -> id.endsWith("-4")).isSorted();
        assertThat(byRelevance.subList(36, 45)).allMatch(id -> id.endsWith("-0")).isSorted();
    }

    @Test
    void exportsStreamEveryQuoteAcrossBatches() {
        String ndjson = given().accept("application/x-ndjson").when().get("/api/v1/quotes")
                .then().statusCode(200).extract().asString();
        List<String> ids = ndjson.lines().filter(line -> !line.isBlank())
                .map(line -> line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf('"', line.indexOf("\"id\":\"") + 6)))
                .toList();
        assertThat(ids).isEqualTo(all(Map.of()));
        String searched = given().accept("application/x-ndjson").queryParam("q", "trade").when().get("/api/v1/quotes")
                .then().statusCode(200).extract().asString();
        assertThat(searched.lines().filter(line -> !line.isBlank()).count()).isEqualTo(45);
    }

    @Test
    void dateRangeIsInclusiveAndExcludesTheUndated() {
        List<Expected> order = VariedCorpusProfile.expectedOrder();
        var from = VariedCorpusProfile.FIRST_DAY.plusDays(3);
        var to = VariedCorpusProfile.FIRST_DAY.plusDays(9);
        List<String> expected = order.stream()
                .filter(e -> e.date() != null && !e.date().isBefore(from) && !e.date().isAfter(to))
                .map(Expected::id).toList();
        assertThat(expected).hasSize(15);
        assertThat(all(Map.of("from", from.toString(), "to", to.toString()))).isEqualTo(expected);
        assertThat(paged(Map.of("from", from.toString(), "to", to.toString(), "q", "trade"), 2)).isEqualTo(expected);
    }
}
