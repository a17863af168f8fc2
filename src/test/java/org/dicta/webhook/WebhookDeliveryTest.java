package org.dicta.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.support.EditorTokens;
import org.dicta.support.WebhookProfile;
import org.dicta.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end, to receivers on loopback: every matching change arrives signed, in order, nothing else does,
 * a failing receiver is retried, the owner sees each delivery, replays one and rotates the secret.
 */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String ADMIN = EditorTokens.admin("chief-editor");
    private static final String BOT = EditorTokens.withRoles("newsroom-bot", Set.of("subscriber"));
    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";
    private static final String ENGLISH_REPORT = "002_fcbcff514eaca929";
    private static final String MINSK = "Tehran and Minsk should strive to make it a reality";
    private static final String NEW_CHAPTER = "he was determined to open a new chapter in bilateral relations";

    @Test
    void deliversEveryMatchingChangeSignedAndInOrder_retriesFailures_replays_andRotates() throws Exception {
        try (WebhookReceiver khameneiDesk = new WebhookReceiver("/a", 2);
                WebhookReceiver minskDesk = new WebhookReceiver("/b", 0)) {
            // Everything about Khamenei's quotes, to a receiver that fails twice first.
            JsonPath a = subscribe(Map.of("url", khameneiDesk.url("/a"), "filter", Map.of("speaker", List.of("ali-khamenei"))));
            // Only new English variants of Lukashenko's that mention Minsk.
            JsonPath b = subscribe(Map.of("url", minskDesk.url("/b"), "events", List.of("quote.created"),
                    "filter", Map.of("speaker", List.of("alexander-lukashenko"), "lang", "en", "q", "minsk")));
            String secretA = a.getString("secret");

            create("webhook-corridor", "ali-khamenei", MINSK);
            create("webhook-minsk", "alexander-lukashenko", MINSK);
            create("webhook-chapter", "alexander-lukashenko", NEW_CHAPTER);
            patchTopics("webhook-corridor");
            patchTopics("webhook-minsk");
            renameSpeaker("ali-khamenei", "Sayyid Ali Khamenei");
            retract("webhook-corridor", "Duplicate of khamenei-north-south-corridor.");

            List<String> khameneiQuotes = given().get("/api/v1/quotes?speaker=ali-khamenei&limit=100").then()
                    .extract().jsonPath().getList("items.id", String.class);
            assertThat(khameneiQuotes).doesNotContain("webhook-corridor").hasSizeGreaterThan(5);
            int expected = 1 + 1 + (khameneiQuotes.size() + 1) + 1; // created, updated, the rename's touch, retracted

            List<WebhookReceiver.Request> received = khameneiDesk.awaitAccepted(accepted -> accepted.size() >= expected);
            assertThat(received).hasSize(expected);
            List<JsonNode> bodies = new ArrayList<>();
            for (WebhookReceiver.Request request : received) {
                verify(secretA, request);
                bodies.add(JSON.readTree(request.body()));
            }
            // In the order the changes were made.
            assertThat(bodies.get(0).path("type").asText()).isEqualTo("quote.created");
            assertThat(bodies.get(0).at("/data/quote/id").asText()).isEqualTo("webhook-corridor");
            assertThat(bodies.get(0).at("/data/quote/speaker/id").asText()).isEqualTo("ali-khamenei");
            assertThat(bodies.get(0).at("/data/quote/variants/0/text").asText()).isEqualTo(MINSK);
            assertThat(OffsetDateTime.parse(bodies.get(0).path("timestamp").asText())).isNotNull();
            assertThat(bodies.get(1).path("type").asText()).isEqualTo("quote.updated");
            assertThat(bodies.get(1).at("/data/quote/topics/0/id").asText()).isEqualTo("sanctions");
            Set<String> touched = new HashSet<>();
            for (JsonNode body : bodies.subList(2, expected - 1)) {
                assertThat(body.path("type").asText()).isEqualTo("quote.updated");
                assertThat(body.at("/data/quote/speaker/names/en").asText()).isEqualTo("Sayyid Ali Khamenei");
                touched.add(body.at("/data/quote/id").asText());
            }
            Set<String> renamed = new LinkedHashSet<>(khameneiQuotes);
            renamed.add("webhook-corridor");
            assertThat(touched).isEqualTo(renamed);
            JsonNode retracted = bodies.get(expected - 1);
            assertThat(retracted.path("type").asText()).isEqualTo("quote.retracted");
            assertThat(retracted.at("/data/quote/id").asText()).isEqualTo("webhook-corridor");
            assertThat(retracted.at("/data/quote/retraction/reason").asText()).isEqualTo("Duplicate of khamenei-north-south-corridor.");
            // Nothing about Lukashenko reached this desk; each message came once.
            assertThat(bodies).noneMatch(body -> body.at("/data/quote/speaker/id").asText().equals("alexander-lukashenko"));
            assertThat(received.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(expected);

            // The first message was retried after each failure, with the same id, and its attempts are on record.
            List<WebhookReceiver.Request> all = khameneiDesk.requests();
            assertThat(all.subList(0, 3)).extracting(WebhookReceiver.Request::answered).containsExactly(500, 500, 200);
            assertThat(all.subList(0, 3)).extracting(r -> r.header("webhook-id")).containsOnly(received.get(0).header("webhook-id"));
            List<Map<String, Object>> items = deliveredAll(a.getString("id"), expected);
            assertThat(items).hasSize(expected);
            Map<String, Object> first = items.get(items.size() - 1);
            assertThat(first).containsEntry("status", "delivered").containsEntry("attempts", 3).containsEntry("lastStatus", 200)
                    .containsEntry("lastResponse", "ok").containsEntry("messageId", received.get(0).header("webhook-id"))
                    .containsEntry("type", "quote.created").containsEntry("quoteId", "webhook-corridor");
            assertThat(items).extracting(item -> item.get("status")).containsOnly("delivered");
            assertThat(items).extracting(item -> ((Number) item.get("id")).longValue()).isSortedAccordingTo((x, y) -> Long.compare(y, x));

            // The other desk got the one new English statement with Minsk, shown in English with the match highlighted.
            create("webhook-minsk-again", "alexander-lukashenko", MINSK); // a barrier: it arrives after anything sent before
            List<WebhookReceiver.Request> minsk = minskDesk.awaitAccepted(accepted -> accepted.size() >= 2);
            assertThat(minsk).hasSize(2);
            verify(b.getString("secret"), minsk.get(0));
            JsonNode news = JSON.readTree(minsk.get(0).body());
            assertThat(news.path("type").asText()).isEqualTo("quote.created");
            assertThat(news.at("/data/quote/id").asText()).isEqualTo("webhook-minsk");
            assertThat(news.at("/data/quote/lang").asText()).isEqualTo("en");
            assertThat(news.at("/data/quote/variants/0/highlights/0/start").asInt()).isEqualTo(MINSK.indexOf("Minsk"));
            assertThat(JSON.readTree(minsk.get(1).body()).at("/data/quote/id").asText()).isEqualTo("webhook-minsk-again");

            // A replay sends the same message again, after the others, signed anew.
            long firstId = ((Number) first.get("id")).longValue();
            given().auth().oauth2(BOT).post("/api/v1/subscriptions/" + a.getString("id") + "/deliveries/" + firstId + "/replay")
                    .then().statusCode(202).body("replayOf", equalTo((int) firstId)).body("status", equalTo("pending"))
                    .body("messageId", equalTo(received.get(0).header("webhook-id")));
            WebhookReceiver.Request replayed = khameneiDesk.awaitAccepted(accepted -> accepted.size() > expected).get(expected);
            verify(secretA, replayed);
            assertThat(replayed.header("webhook-id")).isEqualTo(received.get(0).header("webhook-id"));
            assertThat(replayed.body()).isEqualTo(received.get(0).body());

            // After a rotation, the next delivery verifies with the new secret only.
            String rotated = given().auth().oauth2(BOT).post("/api/v1/subscriptions/" + a.getString("id") + "/secret")
                    .then().statusCode(200).extract().path("secret");
            create("webhook-after-rotation", "ali-khamenei", MINSK);
            WebhookReceiver.Request afterRotation = khameneiDesk.awaitAccepted(accepted -> accepted.size() > expected + 1)
                    .get(expected + 1);
            assertThat(JSON.readTree(afterRotation.body()).at("/data/quote/id").asText()).isEqualTo("webhook-after-rotation");
            verify(rotated, afterRotation);
            assertThatThrownBy(() -> verify(secretA, afterRotation)).isInstanceOf(WebhookVerificationException.class);
            keepAsSample(rotated, afterRotation);
        }
    }

    /**
     * The subscription's deliveries once all are recorded as delivered (a receiver sees a message before its answer is
     * recorded), waiting at most a minute.
     */
    private static List<Map<String, Object>> deliveredAll(String subscription, int count) throws InterruptedException {
        List<Map<String, Object>> items = List.of();
        for (int round = 0; round < 600; round++) {
            items = given().auth().oauth2(BOT).get("/api/v1/subscriptions/" + subscription + "/deliveries?limit=100")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (items.size() == count && items.stream().allMatch(item -> "delivered".equals(item.get("status")))) {
                break;
            }
            Thread.sleep(100);
        }
        return items;
    }

    @Test
    void aTargetThatKeepsFailingIsGivenUpOn_itsSubscriptionDisabledWithTheReason_thenResumedAndReplayed() throws Exception {
        try (WebhookReceiver down = new WebhookReceiver("/down", 0)) {
            down.failing(true);
            JsonPath subscription = subscribe(Map.of("url", down.url("/down"), "events", List.of("quote.created"),
                    "filter", Map.of("speaker", List.of("ebrahim-raisi"))));
            String id = subscription.getString("id");
            create("webhook-down-1", "ebrahim-raisi", MINSK);

            // Retried until give-up-after (6 s in this profile) has passed since the first attempt; then disabled.
            JsonPath disabled = awaitSubscription(id, s -> !s.getBoolean("enabled"));
            assertThat(disabled.getString("disabledReason")).contains("failed for", "answered HTTP 500", "re-enable");
            List<WebhookReceiver.Request> attempts = down.requests();
            assertThat(attempts.size()).isGreaterThan(2);
            assertThat(attempts).extracting(WebhookReceiver.Request::answered).containsOnly(500);
            assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
            JsonPath deliveries = given().auth().oauth2(BOT).get("/api/v1/subscriptions/" + id + "/deliveries").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(deliveries.getList("items")).hasSize(1);
            assertThat(deliveries.getString("items[0].status")).isEqualTo("failed");
            assertThat(deliveries.getInt("items[0].attempts")).isEqualTo(attempts.size());
            assertThat(deliveries.getInt("items[0].lastStatus")).isEqualTo(500);
            assertThat(deliveries.getString("items[0].lastResponse")).isEqualTo("receiver is down");

            // While disabled, nothing is attempted: a change dispatched after this one's shows that it was passed over.
            create("webhook-down-2", "ebrahim-raisi", MINSK);
            awaitDispatched("webhook-barrier");
            assertThat(down.requests()).hasSize(attempts.size());

            // The target is back: resumed, then the failed message replayed, with its id, and accepted.
            down.failing(false);
            given().auth().oauth2(BOT).contentType(ContentType.JSON)
                    .body(Map.of("url", down.url("/down"), "events", List.of("quote.created"),
                            "filter", Map.of("speaker", List.of("ebrahim-raisi")), "enabled", true))
                    .put("/api/v1/subscriptions/" + id).then().statusCode(200).body("enabled", equalTo(true));
            given().auth().oauth2(BOT).post("/api/v1/subscriptions/" + id + "/deliveries/"
                    + deliveries.getLong("items[0].id") + "/replay").then().statusCode(202);
            WebhookReceiver.Request replayed = down.awaitAccepted(accepted -> !accepted.isEmpty()).get(0);
            assertThat(replayed.header("webhook-id")).isEqualTo(attempts.get(0).header("webhook-id"));
            verify(subscription.getString("secret"), replayed);
            assertThat(JSON.readTree(replayed.body()).at("/data/quote/id").asText()).isEqualTo("webhook-down-1");
        }
    }

    /** Polls the subscription (as its owner) until it meets the condition, for at most 30 s. */
    private static JsonPath awaitSubscription(String id, java.util.function.Predicate<JsonPath> condition)
            throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonPath subscription = given().auth().oauth2(BOT).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                    .extract().jsonPath();
            if (condition.test(subscription)) {
                return subscription;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("subscription " + id + " did not reach the expected state within 30 s");
    }

    /**
     * Creates this quote for a subscription of its own and waits until it is delivered: the outbox is dispatched in
     * order, so every change recorded before it has been dispatched by then.
     */
    private static void awaitDispatched(String quoteId) throws Exception {
        try (WebhookReceiver barrier = new WebhookReceiver("/barrier", 0)) {
            subscribe(Map.of("url", barrier.url("/barrier"), "events", List.of("quote.created"),
                    "filter", Map.of("speaker", List.of("ali-khamenei"))));
            create(quoteId, "ali-khamenei", MINSK);
            barrier.awaitAccepted(accepted -> accepted.stream().anyMatch(r -> r.body().contains("\"" + quoteId + "\"")));
        }
    }

    /**
     * Leaves a real delivery (its secret, headers and raw body) in target/webhook-sample.json, where the TypeScript
     * webhook check of clients/typescript verifies it (.ci/run, after this suite).
     */
    private static void keepAsSample(String secret, WebhookReceiver.Request request) throws java.io.IOException {
        Map<String, String> headers = new java.util.TreeMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature", "content-type")) {
            headers.put(name, request.header(name));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(java.nio.file.Path.of("target", "webhook-sample.json").toFile(),
                Map.of("secret", secret, "headers", headers, "body", request.body()));
    }

    private static JsonPath subscribe(Map<String, Object> body) {
        return given().auth().oauth2(BOT).contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    /** Verifies a request as a subscriber would, with the standardwebhooks library. */
    private static void verify(String secret, WebhookReceiver.Request request) throws WebhookVerificationException {
        new Webhook(secret).verify(request.body(), request.headers());
    }

    private static void create(String id, String speaker, String text) {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("""
                {"id": "%s", "speaker": "%s", "meeting": "%s", "topics": ["north-south-corridor"],
                 "variants": [{"source": "%s", "mode": "indirect", "text": "%s"}], "reason": "New statement"}
                """.formatted(id, speaker, MEETING, ENGLISH_REPORT, text)).post("/api/v1/quotes").then().statusCode(201);
    }

    private static void patchTopics(String id) {
        String etag = given().get("/api/v1/quotes/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"topics\": [\"sanctions\"], \"reason\": \"Retagged\"}").patch("/api/v1/quotes/" + id)
                .then().statusCode(200);
    }

    private static void renameSpeaker(String id, String name) {
        String etag = given().get("/api/v1/speakers/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"names\": {\"en\": \"" + name + "\"}, \"reason\": \"Full name\"}").patch("/api/v1/speakers/" + id)
                .then().statusCode(200);
    }

    private static void retract(String id, String reason) {
        String etag = given().get("/api/v1/quotes/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).header("If-Match", etag).queryParam("reason", reason).delete("/api/v1/quotes/" + id)
                .then().statusCode(204);
    }
}
