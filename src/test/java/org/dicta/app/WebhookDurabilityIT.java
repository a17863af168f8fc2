package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicta.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook is as durable as the change it tells of: changes are acknowledged while the receiver is down, the process
 * is killed with SIGKILL before any delivery succeeds, and after a restart every webhook arrives, in order. Runs on
 * whichever database the jar was built for.
 */
class WebhookDurabilityIT {

    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";
    private static final String ENGLISH_REPORT = "002_fcbcff514eaca929";
    private static final String TEXT = "Tehran and Minsk should strive to make it a reality";
    private static final int CHANGES = 5;

    @TempDir
    Path work;

    @Test
    void aKillBetweenAcknowledgementAndDeliveryLosesNoWebhook() throws Exception {
        try (Flavour database = Flavour.freshDatabase(); WebhookReceiver receiver = new WebhookReceiver("/hook", 0)) {
            Map<String, String> env = database.environment(work.resolve("data"));
            env.put("DICTA_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
            env.put("DICTA_WEBHOOKS_RETRY_INITIAL_DELAY", "200ms");
            env.put("DICTA_WEBHOOKS_RETRY_MAX_DELAY", "1s");
            env.put("DICTA_WEBHOOKS_TIMEOUT", "2s");
            String editor = Instance.mintToken(env, "durable-desk", "editor", work.resolve("editor.err"));
            String subscriber = Instance.mintToken(env, "durable-bot", "subscriber", work.resolve("subscriber.err"));
            receiver.failing(true);
            try (Instance instance = Instance.start(env, work.resolve("dicta.log"))) {
                JsonPath subscription = given().baseUri(instance.baseUri()).auth().oauth2(subscriber)
                        .contentType("application/json").body(Map.of("url", receiver.url("/hook"),
                                "filter", Map.of("speaker", List.of("alexander-lukashenko"))))
                        .when().post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
                List<String> created = new ArrayList<>();
                for (int i = 0; i < CHANGES; i++) {
                    String id = "durable-webhook-" + i;
                    given().baseUri(instance.baseUri()).auth().oauth2(editor).contentType("application/json").body("""
                            {"id": "%s", "speaker": "alexander-lukashenko", "meeting": "%s", "topics": ["trade"],
                             "variants": [{"source": "%s", "mode": "indirect", "text": "%s"}]}
                            """.formatted(id, MEETING, ENGLISH_REPORT, TEXT))
                            .when().post("/api/v1/quotes").then().statusCode(201);
                    created.add(id);
                }
                // The first delivery is being retried against the failing receiver: then the process dies.
                assertThat(receiver.awaitRequests(requests -> requests.size() >= 2)).as("attempts before the kill")
                        .hasSizeGreaterThanOrEqualTo(2);
                instance.kill();
                assertThat(receiver.accepted()).isEmpty();

                receiver.failing(false);
                instance.restart();
                List<WebhookReceiver.Request> accepted = receiver.awaitAccepted(requests -> requests.size() >= CHANGES);
                assertThat(accepted).as("webhooks after the restart; log:%n%s", instance.log()).hasSize(CHANGES);
                Webhook verifier = new Webhook(subscription.getString("secret"));
                List<String> delivered = new ArrayList<>();
                for (WebhookReceiver.Request request : accepted) {
                    verifier.verify(request.body(), request.headers());
                    JsonPath body = JsonPath.from(request.body());
                    assertThat(body.getString("type")).isEqualTo("quote.created");
                    delivered.add(body.getString("data.quote.id"));
                }
                assertThat(delivered).containsExactlyElementsOf(created);
                // The receiver sees the last message a moment before its answer is recorded.
                JsonPath deliveries = null;
                for (int round = 0; round < 300; round++) {
                    deliveries = given().baseUri(instance.baseUri()).auth().oauth2(subscriber)
                            .when().get("/api/v1/subscriptions/" + subscription.getString("id") + "/deliveries")
                            .then().statusCode(200).extract().jsonPath();
                    if (deliveries.getList("items.status", String.class).stream().allMatch("delivered"::equals)) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(deliveries.getList("items.status", String.class)).hasSize(CHANGES).containsOnly("delivered");
                // The receiver saw two attempts before the kill, so the first one's failure was on record (an attempt
                // is made only after the one before it is recorded; the second may have died unrecorded with the
                // process), and one more succeeded after the restart.
                assertThat(deliveries.getInt("items[-1].attempts")).as("the first one, tried before and after the kill")
                        .isGreaterThanOrEqualTo(2);
                assertThat(deliveries.getInt("items[-1].lastStatus")).isEqualTo(200);
                System.out.printf("Webhook durability (%s): %d webhooks acknowledged, SIGKILL after %d failed attempts, "
                        + "all delivered after the restart%n", Flavour.KIND, CHANGES,
                        receiver.requests().size() - accepted.size());
            }
        }
    }
}
