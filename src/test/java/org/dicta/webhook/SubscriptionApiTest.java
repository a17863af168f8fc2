package org.dicta.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Subscribing, and every hostile or mistaken subscription refused with a problem before anything is stored. Runs
 * without the allow flag for private addresses (the default), so that targets are checked as in production; a public
 * address literal stands for a target, since these machines have no DNS for the outside.
 */
@QuarkusTest
class SubscriptionApiTest {

    private static final String TARGET = "https://93.184.215.14/hooks/dicta";
    private static final String BOT = EditorTokens.withRoles("newsroom-bot", Set.of("subscriber"));
    private static final String OTHER = EditorTokens.withRoles("other-bot", Set.of("subscriber"));

    @AfterEach
    void unsubscribeEveryone() {
        for (String token : List.of(BOT, OTHER, EditorTokens.editor("desk"))) {
            List<String> ids = given().auth().oauth2(token).get("/api/v1/subscriptions").then().statusCode(200)
                    .extract().jsonPath().getList("items.id", String.class);
            ids.forEach(id -> given().auth().oauth2(token).delete("/api/v1/subscriptions/" + id).then().statusCode(204));
        }
    }

    private static ValidatableResponse subscribe(String token, Object body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/v1/subscriptions").then();
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theStartUpImportOfTheCorpusAnnouncesNothing() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet quotes = statement.executeQuery("select count(*) from quote")) {
            quotes.next();
            assertThat(quotes.getLong(1)).as("the seed corpus was imported").isGreaterThan(20);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet events = statement.executeQuery("select count(*) from webhook_event")) {
            events.next();
            assertThat(events.getLong(1)).as("outbox rows").isZero();
        }
    }

    @Test
    void subscribesAndShowsTheSecretOnce() {
        var created = subscribe(BOT, Map.of("url", TARGET, "filter", Map.of("speaker", List.of("alexander-lukashenko"),
                "topic", List.of("sanctions"), "lang", "fa-IR", "q", "تحریم")))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/subscriptions/sub_[0-9a-f]{32}"))
                .header("Cache-Control", "private, no-store")
                .body("url", equalTo(TARGET))
                .body("filter.speaker", equalTo(List.of("alexander-lukashenko")))
                .body("filter.lang", equalTo("fa"))
                .body("filter.q", equalTo("تحریم"))
                .body("filter.meeting", nullValue())
                .body("events", equalTo(List.of("quote.created", "quote.updated", "quote.retracted")))
                .body("enabled", equalTo(true))
                .body("owner", equalTo("newsroom-bot"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .extract().jsonPath();
        String id = created.getString("id");
        given().auth().oauth2(BOT).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth().oauth2(BOT).get("/api/v1/subscriptions").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("items[0]", not(org.hamcrest.Matchers.hasKey("secret")));
        String rotated = given().auth().oauth2(BOT).post("/api/v1/subscriptions/" + id + "/secret").then().statusCode(200)
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.getString("secret"));
        given().auth().oauth2(BOT).get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("items", empty()).body("next", nullValue());
    }

    @Test
    void editorsSubscribeToo_andAdminsSeeEveryone() {
        subscribe(EditorTokens.editor("desk"), Map.of("url", TARGET, "events", List.of("quote.retracted"))).statusCode(201)
                .body("events", equalTo(List.of("quote.retracted")));
        String mine = subscribe(BOT, Map.of("url", TARGET)).statusCode(201).extract().path("id");
        given().auth().oauth2(EditorTokens.admin("chief")).get("/api/v1/subscriptions").then().statusCode(200)
                .body("items.owner", equalTo(List.of("desk", "newsroom-bot")));
        given().auth().oauth2(EditorTokens.admin("chief")).get("/api/v1/subscriptions/" + mine).then().statusCode(200);
    }

    @Test
    void anotherOwnersSubscriptionIsNotFound() {
        String mine = subscribe(BOT, Map.of("url", TARGET)).statusCode(201).extract().path("id");
        String base = "/api/v1/subscriptions/" + mine;
        for (var request : List.<Runnable>of(
                () -> given().auth().oauth2(OTHER).get(base).then().statusCode(404).body("type", equalTo("/problems/not-found")),
                () -> given().auth().oauth2(OTHER).contentType("application/json").body(Map.of("url", TARGET)).put(base)
                        .then().statusCode(404),
                () -> given().auth().oauth2(OTHER).post(base + "/secret").then().statusCode(404),
                () -> given().auth().oauth2(OTHER).get(base + "/deliveries").then().statusCode(404),
                () -> given().auth().oauth2(OTHER).post(base + "/deliveries/1/replay").then().statusCode(404),
                () -> given().auth().oauth2(OTHER).delete(base).then().statusCode(404))) {
            request.run();
        }
        // As one that does not exist: the answer tells nothing of its existence.
        String absent = given().auth().oauth2(OTHER).get("/api/v1/subscriptions/sub_0").then().statusCode(404)
                .extract().path("detail");
        String others = given().auth().oauth2(OTHER).get(base).then().extract().path("detail");
        assertThat(others).isEqualTo(absent.replace("sub_0", mine));
        given().auth().oauth2(OTHER).get("/api/v1/subscriptions").then().body("items", empty());
        given().auth().oauth2(BOT).get(base).then().statusCode(200).body("url", equalTo(TARGET));
    }

    @Test
    void needsATokenWithARoleThatSubscribes() {
        given().contentType("application/json").body(Map.of("url", TARGET)).post("/api/v1/subscriptions").then()
                .statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/subscriptions").then().statusCode(401).contentType("application/problem+json");
        subscribe(EditorTokens.withRoles("reader", Set.of("reader")), Map.of("url", TARGET)).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        given().auth().oauth2(EditorTokens.withRoles("reader", Set.of())).get("/api/v1/subscriptions").then().statusCode(403);
    }

    @Test
    void refusesTargetsThatAreNotPublicHttps() {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost:8443/hook", "https://10.0.0.7/hook",
                "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook",
                "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook")) {
            refused(BOT, Map.of("url", url), "url", "not a public address");
        }
        refused(BOT, Map.of("url", "file:///etc/passwd"), "url", "https");
        refused(BOT, Map.of("url", "ftp://93.184.215.14/hook"), "url", "not 'ftp:'");
        refused(BOT, Map.of("url", "http://93.184.215.14/hook"), "url", "must use https");
        refused(BOT, Map.of("url", "https://user:pass@93.184.215.14/hook"), "url", "user name or password");
        refused(BOT, Map.of("url", "https://hooks.newsroom.invalid/dicta"), "url", "does not resolve");
        refused(BOT, Map.of("url", "https://93.184.215.14/" + "a".repeat(2001)), "url", "longer than 2000");
        refused(BOT, Map.of("url", ""), "url", "required");
        nothingStored();
    }

    @Test
    void refusesHugeFilters() {
        List<String> speakers = IntStream.range(0, 101).mapToObj(i -> "speaker-" + i).toList();
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("speaker", speakers)), "filter.speaker", "more than 100 ids");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("topic", Collections.nCopies(500, "sanctions"))), "filter.topic",
                "more than 100 ids");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("q", "تحریم ".repeat(100))), "filter.q", "longer than 500");
        given().auth().oauth2(BOT).contentType("application/json")
                .body(Map.of("url", TARGET, "filter", Map.of("q", "تحریم ".repeat(20_000)))).post("/api/v1/subscriptions")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("/problems/body-too-large")).body("detail", containsString("64 KiB"));
        nothingStored();
    }

    @Test
    void refusesUnknownFieldsNamingThem() {
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("speakers", List.of("alexander-lukashenko"))), "filter.speakers",
                "not a field");
        refused(BOT, Map.of("url", TARGET, "callback", "https://elsewhere.example"), "callback", "not a field");
        refused(BOT, Map.of("url", TARGET, "events", List.of("quote.deleted")), "events[0]", "wrong type or value");
        refused(BOT, Map.of("url", TARGET, "events", List.of()), "events", "1 to 3");
        nothingStored();
    }

    @Test
    void refusesFiltersTheListWouldRefuse() {
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("speaker", List.of("nobody-at-all"))), "filter.speaker",
                "no speaker with id 'nobody-at-all'");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("topic", List.of("gardening"))), "filter.topic",
                "no topic with id 'gardening'");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("meeting", "no-such-meeting")), "filter.meeting",
                "no meeting with id");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("speaker", List.of("Not An Id"))), "filter.speaker", "not an id");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("lang", "tlh")), "filter.lang", "not a language");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("mode", "sung")), "filter.mode", "must be one of");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("from", "2023-13-01")), "filter.from", "");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("from", "2024-01-01", "to", "2023-01-01")), "filter.from",
                "is after to");
        refused(BOT, Map.of("url", TARGET, "filter", Map.of("q", "\"\"")), "filter.q", "no word");
        nothingStored();
    }

    @Test
    void aChangedSubscriptionIsCheckedAsANewOne() {
        String id = subscribe(BOT, Map.of("url", TARGET)).statusCode(201).extract().path("id");
        given().auth().oauth2(BOT).contentType("application/json").body(Map.of("url", "https://127.0.0.1/x"))
                .put("/api/v1/subscriptions/" + id).then().statusCode(400).body("violations.field", hasItem("url"));
        given().auth().oauth2(BOT).contentType("application/json")
                .body(Map.of("url", TARGET, "enabled", false, "filter", Map.of("mode", "direct")))
                .put("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("filter.mode", equalTo("direct")).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth().oauth2(BOT).get("/api/v1/subscriptions/" + id).then().body("url", equalTo(TARGET))
                .body("enabled", equalTo(false));
    }

    private static void refused(String token, Object body, String field, String message) {
        subscribe(token, body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("detail", containsString(message));
    }

    private static void nothingStored() {
        given().auth().oauth2(BOT).get("/api/v1/subscriptions").then().statusCode(200).body("items", empty());
    }
}
