package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repeated quote reads are served from stored bytes, with ETags, and never outlive a change. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class ResponseCacheTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";
    private static final String LIST = "/api/v1/quotes?meeting=" + MEETING + "&lang=en&limit=50";

    @Inject
    ResponseCache cache;

    @BeforeEach
    void empty() {
        cache.invalidateAll();
    }

    @Test
    void servesARepeatedReadFromTheCacheWithTheSameBytesAndHeaders() {
        Response first = given().queryParam("lang", "fa").when().get("/api/v1/quotes/khamenei-north-south-corridor");
        assertThat(cache.size()).isEqualTo(1);
        Response second = given().queryParam("lang", "fa").when().get("/api/v1/quotes/khamenei-north-south-corridor");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        for (String header : new String[] {"Content-Type", "ETag", "Content-Language", "Cache-Control"}) {
            assertThat(second.header(header)).as(header).isNotNull().isEqualTo(first.header(header));
        }
        assertThat(second.headers().getValues("Vary")).isEqualTo(first.headers().getValues("Vary"));
        assertThat(second.jsonPath().getList("variants.lang", String.class)).containsOnly("fa");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void keepsRepresentationsApartByAcceptAndAcceptLanguage() {
        String url = "/api/v1/quotes/khamenei-north-south-corridor";
        for (int round = 0; round < 2; round++) {
            given().accept("application/ld+json").when().get(url).then().statusCode(200)
                    .contentType("application/ld+json").body("'@type'", equalTo("Quotation"));
            given().accept(ContentType.JSON).header("Accept-Language", "ur").when().get(url).then().statusCode(200)
                    .header("Content-Language", "ur").body("variants.lang", not(hasItem("fa")));
            given().accept(ContentType.JSON).header("Accept-Language", "fa").when().get(url).then().statusCode(200)
                    .header("Content-Language", "fa").body("variants.lang", not(hasItem("ur")));
        }
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void givesListsAnEtagAndAnswers304ToIfNoneMatch() {
        Response page = given().when().get(LIST);
        String etag = page.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");

        // From the stored entry.
        given().header("If-None-Match", etag).when().get(LIST)
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, no-cache");
        // When the entry has to be made again.
        cache.invalidateAll();
        given().header("If-None-Match", etag).when().get(LIST)
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, no-cache");
        given().header("If-None-Match", "\"other\"").when().get(LIST).then().statusCode(200).header("ETag", etag);
    }

    @Test
    void aWriteIsSeenByTheNextReadOfTheQuoteItsListsAndSearches() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("""
                {"id": "cache-test", "speaker": "ali-khamenei", "meeting": "%s", "topics": ["north-south-corridor"],
                 "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect",
                   "text": "Tehran and Minsk should strive to make it a reality"}], "reason": "New statement"}
                """.formatted(MEETING)).when().post("/api/v1/quotes").then().statusCode(201);
        String url = "/api/v1/quotes/cache-test";
        String search = "/api/v1/quotes?q=strive&lang=en";
        String etag = given().when().get(url).then().statusCode(200).body("topics.id", equalTo(java.util.List.of("north-south-corridor")))
                .extract().header("ETag");
        String listEtag = given().when().get(LIST).then().body("items.id", hasItem("cache-test")).extract().header("ETag");
        given().when().get(search).then().body("items.id", hasItem("cache-test"));

        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"topics\": [\"trade\"], \"reason\": \"Retagged\"}")
                .when().patch(url).then().statusCode(200);

        given().header("If-None-Match", etag).when().get(url).then().statusCode(200)
                .header("ETag", not(etag)).body("topics.id", equalTo(java.util.List.of("trade")));
        given().header("If-None-Match", listEtag).when().get(LIST).then().statusCode(200)
                .header("ETag", not(listEtag));
        given().when().get(search).then().body("items.find { it.id == 'cache-test' }.topics.id", equalTo(java.util.List.of("trade")));
        given().when().get(url + "/revisions").then().body("items.action", equalTo(java.util.List.of("create", "update")));
    }

    @Test
    void leavesRandomPicksAndAuthenticatedReadsOut() {
        given().when().get("/api/v1/quotes/random").then().statusCode(200);
        given().auth().oauth2(EDITOR).when().get("/api/v1/quotes/khamenei-north-south-corridor").then().statusCode(200);
        given().accept("text/csv").when().get(LIST).then().statusCode(200);
        given().accept("application/x-ndjson").when().get(LIST).then().statusCode(200);

        assertThat(cache.size()).isZero();
    }

    @Test
    void readsTheChangeFeedFirstUnlessNoOtherProcessCanWriteToTheDatabase() {
        assertThat(ResponseCaching.embedded("jdbc:h2:file:./data/dicta;WRITE_DELAY=0")).isTrue();
        assertThat(ResponseCaching.embedded("jdbc:h2:mem:dicta")).isTrue();
        assertThat(ResponseCaching.embedded("jdbc:h2:file:./data/dicta;AUTO_SERVER=TRUE")).isFalse();
        assertThat(ResponseCaching.embedded("jdbc:h2:tcp://db:9092/dicta")).isFalse();
        assertThat(ResponseCaching.embedded("jdbc:postgresql://db:5432/dicta")).isFalse();
    }
}
