package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: editors stream writes to the packaged application, the process is killed with SIGKILL
 * in the middle of the stream, and after a restart every write that was answered 2xx is there, whole, and no write
 * that was cut off is there in part. Runs on whichever database the jar was built for (H2 file mode, or PostgreSQL).
 */
class DurabilityIT {

    private static final String ENGLISH = "Tehran and Minsk should strive to make it a reality";
    private static final String ARABIC = "ينبغي أن يرتفع مستوى العلاقات على نحو ملحوظ";
    private static final String EDITED = "khamenei-north-south-corridor";
    private static final int CREATORS = 4;
    /** Acknowledged writes to wait for before the kill. */
    private static final int ACKS_BEFORE_KILL = 40;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedWriteSurvivesAKillAndNoneIsHalfApplied() throws Exception {
        try (Flavour database = Flavour.freshDatabase()) {
            Map<String, String> env = database.environment(work.resolve("data"));
            String token = Instance.mintToken(env, "durability", "editor", work.resolve("token.err"));
            try (Instance instance = Instance.start(env, work.resolve("dicta.log"))) {
                Stream stream = new Stream(instance.baseUri(), token);
                stream.run(instance);
                assertThat(stream.failures).as("answers other than success; log:%n%s", instance.log()).isEmpty();

                instance.restart();
                String base = instance.baseUri();
                assertThat(stream.created).as("creations acknowledged before the kill").hasSizeGreaterThanOrEqualTo(10);
                for (String id : stream.created) {
                    assertWhole(base, id);
                    JsonPath revisions = given().baseUri(base).when().get("/api/v1/quotes/" + id + "/revisions")
                            .then().statusCode(200).extract().jsonPath();
                    assertThat(revisions.getList("items.action")).containsExactly("create");
                }
                // Writes cut off by the kill: there whole, or not at all.
                for (String id : stream.unanswered) {
                    int status = given().baseUri(base).when().get("/api/v1/quotes/" + id).then().extract().statusCode();
                    assertThat(status).as(id).isIn(200, 404);
                    if (status == 200) {
                        assertWhole(base, id);
                    }
                }
                // The search index agrees with the database after the crash: caught up from the change feed, not rebuilt.
                Set<String> found = searchAll(base, "\"" + ENGLISH + "\"");
                assertThat(found).containsAll(stream.created);
                String log = instance.log();
                assertThat(log.substring(log.lastIndexOf("Search index"))).as("the restart's indexing")
                        .containsAnyOf("caught up from the change feed", "up to date");

                // Edits of one quote: every acknowledged one is in its history, and its state is the last revision's.
                JsonPath history = given().baseUri(base).queryParam("limit", 100)
                        .when().get("/api/v1/quotes/" + EDITED + "/revisions").then().statusCode(200).extract().jsonPath();
                List<String> reasons = history.getList("items.reason");
                assertThat(stream.edits).as("edits acknowledged").isNotEmpty();
                assertThat(reasons).containsAll(stream.edits);
                List<Object> lastTopics = history.getList("items[-1].after.topics");
                JsonPath quote = given().baseUri(base).when().get("/api/v1/quotes/" + EDITED)
                        .then().statusCode(200).extract().jsonPath();
                assertThat(quote.getList("topics.id")).containsExactlyInAnyOrderElementsOf(lastTopics);
                System.out.printf("Durability (%s): %d creations and %d edits acknowledged before SIGKILL, all found; "
                        + "%d cut off%n", Flavour.KIND, stream.created.size(), stream.edits.size(), stream.unanswered.size());
            }
        }
    }

    private static void assertWhole(String base, String id) {
        JsonPath quote = given().baseUri(base).when().get("/api/v1/quotes/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(quote.getList("variants.text")).as(id).containsExactly(ENGLISH, ARABIC);
        assertThat(quote.getList("topics.id")).as(id).containsExactly("trade");
    }

    private static Set<String> searchAll(String base, String query) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var request = given().baseUri(base).queryParam("q", query).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        return ids;
    }

    /** Concurrent editors writing until the process dies under them. */
    private static final class Stream {

        final Set<String> created = ConcurrentHashMap.newKeySet();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final List<String> edits = new ArrayList<>();
        /** Answers that were neither a success nor a dead connection: each fails the test. */
        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final String base;
        private final String token;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final AtomicBoolean dead = new AtomicBoolean();
        private final AtomicInteger acks = new AtomicInteger();

        private int editCount() {
            synchronized (edits) {
                return edits.size();
            }
        }

        Stream(String base, String token) {
            this.base = base;
            this.token = token;
        }

        void run(Instance instance) throws Exception {
            ExecutorService writers = Executors.newFixedThreadPool(CREATORS + 1);
            CountDownLatch done = new CountDownLatch(CREATORS + 1);
            for (int w = 0; w < CREATORS; w++) {
                int writer = w;
                writers.submit(() -> {
                    try {
                        create(writer);
                    } finally {
                        done.countDown();
                    }
                });
            }
            writers.submit(() -> {
                try {
                    edit();
                } finally {
                    done.countDown();
                }
            });
            Instant deadline = Instant.now().plusSeconds(60);
            while ((acks.get() < ACKS_BEFORE_KILL || editCount() < 3) && failures.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            instance.kill();
            dead.set(true);
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            writers.shutdown();
        }

        private void create(int writer) {
            for (int n = 0; !dead.get(); n++) {
                String id = "crash-" + writer + "-" + n;
                String body = """
                        {"id": "%s", "speaker": "ali-khamenei", "meeting": "2023-03-13-leader-receives-lukashenko",
                         "topics": ["trade"], "reason": "durability",
                         "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect", "text": "%s"},
                                      {"source": "000_26e08119a475d493", "mode": "direct", "text": "%s"}]}
                        """.formatted(id, ENGLISH, ARABIC);
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
                int status = response == null ? -1 : response.statusCode();
                if (status == 201) {
                    created.add(id);
                    acks.incrementAndGet();
                } else if (status < 0) {
                    unanswered.add(id);
                    return;
                } else {
                    failures.add("creation of " + id + " answered " + status + ": " + response.body());
                    return;
                }
            }
        }

        private void edit() {
            String[][] topics = {{"trade"}, {"trade", "sanctions"}, {"north-south-corridor"}};
            for (int n = 0; !dead.get(); n++) {
                HttpResponse<String> current = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes/" + EDITED)).GET());
                if (current == null) {
                    return;
                }
                String etag = current.headers().firstValue("ETag").orElse("*");
                String reason = "edit " + n;
                String body = "{\"topics\": [\"" + String.join("\", \"", topics[n % topics.length]) + "\"], "
                        + "\"reason\": \"" + reason + "\"}";
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes/" + EDITED))
                        .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
                int status = response == null ? -1 : response.statusCode();
                if (status == 200) {
                    synchronized (edits) {
                        edits.add(reason);
                    }
                    acks.incrementAndGet();
                } else if (status < 0) {
                    return;
                } else {
                    failures.add("edit " + n + " answered " + status + ": " + response.body());
                    return;
                }
            }
        }

        /** The response, or null when the connection failed (the process died before answering). */
        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
