package org.dicta.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.dicta.support.OtherInstancesProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/**
 * Changes committed by another instance sharing the database reach this instance's search through the change feed,
 * even when they commit out of the order their feed entries were numbered in. The other instance is played by plain
 * JDBC transactions that change a quote and write its feed entry, as the application does.
 */
@QuarkusTest
@TestProfile(OtherInstancesProfile.class)
class ChangeFeedTest {

    private static final String ENGLISH_REPORT = "002_fcbcff514eaca929";
    private static final String MEETING = "2023-03-13-leader-receives-lukashenko";
    private static final String EARLY = "\"paved the ground for Iran's many advances\"";
    private static final String LATE = "\"distinguish between his real and fake friends\"";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void searchSeesChangesOfOtherInstancesAtOnceInWhateverOrderTheyCommit() throws SQLException {
        create("feed-early", "ali-khamenei", "paved the ground for Iran's many advances");
        create("feed-late", "alexander-lukashenko", "distinguish between his real and fake friends");
        assertFound(EARLY, "sanctions", "feed-early", true);
        assertFound(LATE, "international-relations", "feed-late", true);
        assertFound(LATE, "war-in-ukraine", "feed-late", false);

        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // The first transaction takes the lower feed number but commits last.
            changeTopic(first, "feed-early", "sanctions", "science-and-technology");
            changeTopic(second, "feed-late", "international-relations", "war-in-ukraine");
            second.commit();

            assertFound(LATE, "war-in-ukraine", "feed-late", true);
            assertFound(LATE, "international-relations", "feed-late", false);
            assertFound(EARLY, "sanctions", "feed-early", true);

            first.commit();
            assertFound(EARLY, "science-and-technology", "feed-early", true);
            assertFound(EARLY, "sanctions", "feed-early", false);
        }
    }

    private static void create(String id, String speaker, String text) {
        String topic = speaker.equals("ali-khamenei") ? "sanctions" : "international-relations";
        given().auth().oauth2(EditorTokens.editor("feed-test")).contentType(ContentType.JSON).body("""
                {"id": "%s", "speaker": "%s", "meeting": "%s", "topics": ["%s"],
                 "variants": [{"source": "%s", "mode": "indirect", "text": "%s"}]}
                """.formatted(id, speaker, MEETING, topic, ENGLISH_REPORT, text))
                .when().post("/api/v1/quotes")
                .then().statusCode(201);
    }

    /** Whether a search for the phrase in the topic finds the quote (the seeds may hold other quotes that match). */
    private static void assertFound(String phrase, String topic, String quote, boolean found) {
        given().queryParam("q", phrase).queryParam("topic", topic).when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items.id", found ? hasItem(quote) : not(hasItem(quote)));
    }

    /** What an instance does when an editor changes a quote's topic: the change and its feed entry, in one transaction. */
    private static void changeTopic(Connection connection, String quote, String from, String to) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update quote_topic set topic_id = ? where quote_id = ? and topic_id = ?");
                PreparedStatement feed = connection.prepareStatement(
                        "insert into quote_change (quote_id, changed_at) values (?, ?)")) {
            update.setString(1, to);
            update.setString(2, quote);
            update.setString(3, from);
            update.executeUpdate();
            feed.setString(1, quote);
            feed.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            feed.executeUpdate();
        }
    }
}
