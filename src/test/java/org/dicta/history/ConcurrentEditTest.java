package org.dicta.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/**
 * Editors racing on one quote, each reading it and sending a real change with If-Match: every edit answered 200 is
 * in the history with its reason and a version of its own, and every other answer is 412. A state read while another
 * edit commits must never make a stale edit look like one that changes nothing. {@code -Ddicta.race.editors} and
 * {@code -Ddicta.race.attempts} make the race longer.
 */
@QuarkusTest
@TestProfile(EditingProfile.class)
class ConcurrentEditTest {

    private static final String EDITOR = EditorTokens.editor("racing-editor");
    private static final String QUOTE = "race-quote";
    private static final List<List<String>> TOPIC_SETS = List.of(List.of("trade"), List.of("trade", "sanctions"),
            List.of("north-south-corridor"));
    private static final int EDITORS = Integer.getInteger("dicta.race.editors", 6);
    private static final int ATTEMPTS = Integer.getInteger("dicta.race.attempts", 150);

    @TestHTTPResource("/api/v1/quotes/" + QUOTE)
    URI quote;

    @Test
    void everyAcceptedEditIsRecordedOnceAndEveryOtherIsRefusedAsStale() throws Exception {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "speaker": "ali-khamenei", "meeting": "2023-03-13-leader-receives-lukashenko",
                         "topics": ["trade"],
                         "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect",
                                       "text": "Tehran and Minsk should strive to make it a reality"}]}
                        """.formatted(QUOTE))
                .when().post("/api/v1/quotes").then().statusCode(201);

        Map<String, String> accepted = new ConcurrentHashMap<>(); // reason -> the ETag it was accepted on
        List<String> surprises = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService threads = Executors.newFixedThreadPool(EDITORS);
        List<Future<?>> editors = new ArrayList<>();
        for (int e = 0; e < EDITORS; e++) {
            int editor = e;
            editors.add(threads.submit(() -> {
                for (int n = 0; n < ATTEMPTS; n++) {
                    HttpResponse<String> current = client.send(HttpRequest.newBuilder(quote).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String etag = current.headers().firstValue("ETag").orElseThrow();
                    Set<String> now = Set.copyOf(JsonPath.from(current.body()).getList("topics.id", String.class));
                    List<String> next = TOPIC_SETS.stream().filter(topics -> !Set.copyOf(topics).equals(now))
                            .skip((editor + n) % 2).findFirst().orElseThrow();
                    String reason = "race " + editor + "-" + n;
                    String body = "{\"topics\": [\"" + String.join("\", \"", next) + "\"], \"reason\": \"" + reason + "\"}";
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(quote)
                            .header("Authorization", "Bearer " + EDITOR).header("Content-Type", "application/merge-patch+json")
                            .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        accepted.put(reason, etag);
                    } else if (answer.statusCode() != 412) {
                        surprises.add(answer.statusCode() + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> editor : editors) {
            editor.get();
        }
        threads.shutdown();

        System.out.printf("Concurrent edits: %d editors x %d attempts, %d accepted, the rest refused as stale%n", EDITORS,
                ATTEMPTS, accepted.size());
        assertThat(surprises).isEmpty();
        JsonPath history = given().when().get("/api/v1/quotes/" + QUOTE + "/revisions").then().statusCode(200)
                .extract().jsonPath();
        List<String> reasons = history.getList("items.reason");
        assertThat(accepted).as("edits accepted").isNotEmpty();
        assertThat(reasons).as("reasons in the history").containsAll(accepted.keySet()).doesNotHaveDuplicates();
        assertThat(history.getList("items.version", Integer.class)).as("versions in the history")
                .hasSize(accepted.size() + 1).doesNotHaveDuplicates().isSorted();
        assertThat(Set.copyOf(accepted.values())).as("ETags on which an edit was accepted").hasSize(accepted.size());
    }
}
