package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application on different ports against one PostgreSQL database, as behind a load
 * balancer: what is written through one is read, and found by search, through the other at once, with the same ETag;
 * and of two conflicting writes sent through the two at the same moment, exactly one succeeds.
 */
class TwoInstancesPostgresIT {

    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";
    private static final List<String> TOPICS = List.of("trade", "sanctions", "spirituality", "war-in-ukraine",
            "bilateral-relations", "science-and-technology", "international-relations", "implementation-of-agreements");
    private static final String PHRASE = "the complicated international situation had helped him";

    @TempDir
    static Path work;

    private static Flavour database;
    private static Instance first;
    private static Instance second;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Flavour.isPostgres()).as("built with -Ppostgres").isTrue();
        database = Flavour.freshDatabase();
        // One data directory for the signing keys, an index directory of its own for each instance.
        Map<String, String> env = database.environment(work.resolve("data"));
        token = Instance.mintToken(env, "two-desks", "editor", work.resolve("token.err"));
        env.put("DICTA_SEARCH_INDEX_DIR", work.resolve("index-1").toString());
        first = Instance.start(env, work.resolve("first.log"));
        env.put("DICTA_SEARCH_INDEX_DIR", work.resolve("index-2").toString());
        second = Instance.start(env, work.resolve("second.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance instance : new Instance[] {first, second}) {
            if (instance != null) {
                instance.stop();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aWriteThroughOneInstanceIsReadAndFoundThroughTheOtherAtOnce() {
        given().baseUri(first.baseUri()).auth().oauth2(token).contentType("application/json").body("""
                {"id": "two-instances", "speaker": "alexander-lukashenko", "meeting": "%s", "topics": ["international-relations"],
                 "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect", "text": "%s"}]}
                """.formatted(MEETING, PHRASE))
                .when().post("/api/v1/quotes")
                .then().statusCode(201);

        Response one = given().baseUri(first.baseUri()).when().get("/api/v1/quotes/two-instances");
        Response other = given().baseUri(second.baseUri()).when().get("/api/v1/quotes/two-instances");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.header("ETag")).isEqualTo(one.header("ETag")).isNotBlank();
        assertThat(other.asString()).isEqualTo(one.asString());
        given().baseUri(second.baseUri()).queryParam("q", "\"" + PHRASE + "\"").when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("two-instances"));

        // The first instance keeps this search's answer in its response cache...
        given().baseUri(first.baseUri()).queryParam("q", "\"" + PHRASE + "\"").queryParam("topic", "international-relations")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("two-instances"));

        // ...until an edit through the second instance, searched at once through the first.
        given().baseUri(second.baseUri()).auth().oauth2(token).contentType("application/merge-patch+json")
                .header("If-Match", other.header("ETag"))
                .body("{\"topics\": [\"war-in-ukraine\"], \"reason\": \"Retagged\"}")
                .when().patch("/api/v1/quotes/two-instances")
                .then().statusCode(200);
        given().baseUri(first.baseUri()).queryParam("q", "\"" + PHRASE + "\"").queryParam("topic", "war-in-ukraine")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("two-instances"));
        given().baseUri(first.baseUri()).queryParam("q", "\"" + PHRASE + "\"").queryParam("topic", "international-relations")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", not(hasItem("two-instances")));
        assertThat(given().baseUri(first.baseUri()).when().get("/api/v1/quotes/two-instances").header("ETag"))
                .isEqualTo(given().baseUri(second.baseUri()).when().get("/api/v1/quotes/two-instances").header("ETag"))
                .isNotEqualTo(other.header("ETag"));
    }

    @Test
    void ofTwoConflictingWritesThroughTheTwoInstancesExactlyOneSucceeds() throws Exception {
        String quote = "/api/v1/quotes/khamenei-north-south-corridor";
        int revisionsBefore = revisions(quote);
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String etag = given().baseUri(first.baseUri()).when().get(quote).then().statusCode(200).extract().header("ETag");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (Instance instance : List.of(first, second)) {
                    // Each write is a real change: its topic differs from the other's and from the last round's.
                    String topics = "[\"" + TOPICS.get((2 * round + (instance == first ? 0 : 1)) % TOPICS.size()) + "\"]";
                    Callable<Integer> write = () -> {
                        go.await();
                        return given().baseUri(instance.baseUri()).auth().oauth2(token)
                                .contentType("application/merge-patch+json").header("If-Match", etag)
                                .body("{\"topics\": " + topics + ", \"reason\": \"Conflict\"}")
                                .when().patch(quote).then().extract().statusCode();
                    };
                    answers.add(pool.submit(write));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(revisions(quote)).isEqualTo(revisionsBefore + rounds);
    }

    private static int revisions(String quote) {
        return given().baseUri(second.baseUri()).queryParam("limit", 100).when().get(quote + "/revisions")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }
}
