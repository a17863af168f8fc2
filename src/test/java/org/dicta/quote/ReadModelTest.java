package org.dicta.quote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** Reads come from the read model, which every change rebuilds before its writer is answered. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class ReadModelTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";

    @Inject
    EntityManager em;

    private String stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> bodies = em.createNativeQuery("select body from quote_read where quote_id = :id").setParameter("id", id)
                    .getResultList();
            return bodies.isEmpty() ? null : (String) bodies.get(0);
        });
    }

    @Inject
    QuoteReadModel records;

    /**
     * Instances sharing a database read the change feed each on its own: two may build the record of the same new
     * quote at once, and both insert it. The one whose insert is refused reads again and updates.
     */
    @Test
    void recordsBuiltAtOnceByTwoReadersOfTheFeedAreWrittenOnce() throws Exception {
        List<String> ids = List.of("khamenei-north-south-corridor", "lukashenko-new-page-in-relations",
                "khamenei-cooperation-capacity");
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from quote_read where quote_id in (:ids)")
                        .setParameter("ids", ids).executeUpdate());
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> both = new java.util.ArrayList<>();
                for (int reader = 0; reader < 2; reader++) {
                    both.add(readers.submit(() -> {
                        start.await();
                        records.refresh(ids);
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> refresh : both) {
                    refresh.get(); // throws if either reader's refresh failed
                }
                for (String id : ids) {
                    assertThat(stored(id)).as("record of %s, round %d", id, round).contains("\"id\":\"" + id + "\"");
                }
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void everyQuoteOfTheCorpusHasARecordAndReadsAreServedFromIt() {
        long quotes = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from quote q where not exists "
                        + "(select 1 from quote_read r where r.quote_id = q.id)").getSingleResult()).longValue());
        assertThat(quotes).as("quotes without a record").isZero();
        String body = stored("khamenei-north-south-corridor");
        assertThat(body).contains("\"id\":\"khamenei-north-south-corridor\"").contains("\"names\":{");
        given().queryParam("lang", "fa").when().get("/api/v1/quotes/khamenei-north-south-corridor").then().statusCode(200)
                .body("speaker.names.fa", equalTo("علی خامنه‌ای")).body("variants.lang", org.hamcrest.Matchers.everyItem(equalTo("fa")));
    }

    @Test
    void aWriteRebuildsTheRecordBeforeItIsAnsweredAndAMissingRecordIsReadFromTheEntities() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("""
                {"id": "read-model-test", "speaker": "ali-khamenei", "meeting": "%s", "topics": ["trade"],
                 "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect",
                   "text": "Tehran and Minsk should strive to make it a reality"}], "reason": "New statement"}
                """.formatted(MEETING)).when().post("/api/v1/quotes").then().statusCode(201);
        assertThat(stored("read-model-test")).contains("\"trade\"");

        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"topics\": [\"sanctions\"], \"reason\": \"Retagged\"}")
                .when().patch("/api/v1/quotes/read-model-test").then().statusCode(200);
        assertThat(stored("read-model-test")).contains("\"sanctions\"").doesNotContain("\"trade\"");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from quote_read where quote_id = 'read-model-test'")
                .executeUpdate());
        given().when().get("/api/v1/quotes/read-model-test").then().statusCode(200).body("topics[0].id", equalTo("sanctions"));
        given().queryParam("q", "strive").queryParam("lang", "en").when().get("/api/v1/quotes").then().statusCode(200)
                .body("items.find { it.id == 'read-model-test' }.topics[0].id", equalTo("sanctions"));

        given().auth().oauth2(EditorTokens.admin("chief-editor")).header("If-Match", "\"1\"").queryParam("reason", "Duplicate.")
                .when().delete("/api/v1/quotes/read-model-test").then().statusCode(204);
        assertThat(stored("read-model-test")).as("a retracted quote keeps its record").contains("Duplicate.");
    }
}
