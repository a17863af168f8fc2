package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dicta.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application share one PostgreSQL database and one subscription, as behind a load
 * balancer: changes are made through both at once, both instances dispatch and deliver, and the receiver gets each
 * message exactly once, every change delivered, in the order of each quote's changes.
 */
class WebhookTwoInstancesPostgresIT {

    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";
    private static final String ENGLISH_REPORT = "002_fcbcff514eaca929";
    private static final String TEXT = "Tehran and Minsk should strive to make it a reality";
    private static final int QUOTES_PER_INSTANCE = 20;

    @TempDir
    Path work;

    @Test
    void twoInstancesDeliverEachChangeOnce() throws Exception {
        assertThat(Flavour.isPostgres()).as("built with -Ppostgres").isTrue();
        try (Flavour database = Flavour.freshDatabase(); WebhookReceiver receiver = new WebhookReceiver("/hook", 0)) {
            receiver.delay(Duration.ofMillis(20));
            Map<String, String> env = database.environment(work.resolve("data"));
            env.put("DICTA_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
            env.put("DICTA_WEBHOOKS_TIMEOUT", "5s");
            String editor = Instance.mintToken(env, "two-desks", "editor", work.resolve("editor.err"));
            String subscriber = Instance.mintToken(env, "two-desks-bot", "subscriber", work.resolve("subscriber.err"));
            env.put("DICTA_SEARCH_INDEX_DIR", work.resolve("index-1").toString());
            try (Instance first = Instance.start(env, work.resolve("first.log"))) {
                env.put("DICTA_SEARCH_INDEX_DIR", work.resolve("index-2").toString());
                try (Instance second = Instance.start(env, work.resolve("second.log"))) {
                    String secret = given().baseUri(first.baseUri()).auth().oauth2(subscriber).contentType("application/json")
                            .body(Map.of("url", receiver.url("/hook"), "filter", Map.of("speaker", List.of("alexander-lukashenko"))))
                            .when().post("/api/v1/subscriptions").then().statusCode(201).extract().path("secret");

                    // Through both instances at once: creations, each followed by a correction through the other.
                    ExecutorService writers = Executors.newFixedThreadPool(2);
                    List<Future<List<String>>> written = new ArrayList<>();
                    for (Instance[] pair : new Instance[][] {{first, second}, {second, first}}) {
                        written.add(writers.submit(() -> {
                            List<String> ids = new ArrayList<>();
                            for (int i = 0; i < QUOTES_PER_INSTANCE; i++) {
                                String id = "two-desks-" + pair[0].port() + "-" + i;
                                create(pair[0].baseUri(), editor, id);
                                correct(pair[1].baseUri(), editor, id);
                                ids.add(id);
                            }
                            return ids;
                        }));
                    }
                    List<String> quotes = new ArrayList<>();
                    for (Future<List<String>> ids : written) {
                        try {
                            quotes.addAll(ids.get());
                        } catch (java.util.concurrent.ExecutionException e) {
                            throw new AssertionError("a write failed: " + e.getCause().getMessage() + "\nlogs:\n"
                                    + first.log() + "\n" + second.log(), e.getCause());
                        }
                    }
                    writers.shutdown();
                    int expected = 2 * quotes.size();

                    List<WebhookReceiver.Request> accepted = receiver.awaitAccepted(requests -> requests.size() >= expected);
                    Map<String, Integer> perMessage = new HashMap<>();
                    Map<String, List<String>> perQuote = new LinkedHashMap<>();
                    Webhook verifier = new Webhook(secret);
                    for (WebhookReceiver.Request request : receiver.requests()) {
                        verifier.verify(request.body(), request.headers());
                        perMessage.merge(request.header("webhook-id"), 1, Integer::sum);
                        JsonPath body = JsonPath.from(request.body());
                        perQuote.computeIfAbsent(body.getString("data.quote.id"), id -> new ArrayList<>())
                                .add(body.getString("type"));
                    }
                    assertThat(accepted).as("logs:%n%s%n%s", first.log(), second.log()).hasSize(expected);
                    assertThat(receiver.requests()).as("every request accepted the first time").hasSize(expected);
                    assertThat(perMessage).hasSize(expected);
                    assertThat(perMessage.values()).as("each message delivered once").containsOnly(1);
                    assertThat(perQuote.keySet()).containsExactlyInAnyOrderElementsOf(quotes);
                    perQuote.forEach((id, types) -> assertThat(types).as(id).containsExactly("quote.created", "quote.updated"));
                    System.out.printf("Two instances on PostgreSQL: %d changes through both, %d webhooks, each once%n",
                            expected, accepted.size());
                }
            }
        }
    }

    private static void create(String base, String token, String id) {
        given().baseUri(base).auth().oauth2(token).contentType("application/json").body("""
                {"id": "%s", "speaker": "alexander-lukashenko", "meeting": "%s", "topics": ["trade"],
                 "variants": [{"source": "%s", "mode": "indirect", "text": "%s"}]}
                """.formatted(id, MEETING, ENGLISH_REPORT, TEXT)).when().post("/api/v1/quotes").then().statusCode(201);
    }

    private static void correct(String base, String token, String id) {
        String etag = given().baseUri(base).when().get("/api/v1/quotes/" + id).then().statusCode(200).extract().header("ETag");
        given().baseUri(base).auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"topics\": [\"trade\", \"sanctions\"], \"reason\": \"Also about sanctions\"}")
                .when().patch("/api/v1/quotes/" + id).then().statusCode(200);
    }
}
