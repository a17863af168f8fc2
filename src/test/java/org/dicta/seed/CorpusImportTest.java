package org.dicta.seed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.dicta.support.Zips;
import org.junit.jupiter.api.Test;

/** Bulk import of a corpus in the seeds' format: all of it, with a report, or nothing. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class CorpusImportTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String ADMIN = EditorTokens.admin("chief-editor");
    private static final String REPORT = "Minsk, 15 March.\nPresident Lukashenko said the roadmap was \"only the beginning\".\n";

    /** A corpus that adds a document, a meeting and a quote, and redeclares a stored source unchanged. */
    private static Map<String, byte[]> corpus(String quoteText) throws IOException {
        String annotations = """
                sources:
                  - id: 002_fcbcff514eaca929
                    file: 002_fcbcff514eaca929.txt
                    lang: en
                    publisher: www.irna.ir
                    headline: The Leader holds talks with the Belarusian President to Enhance Bilateral Relations - 13 /Mar/ 2023
                    date: 2023-03-13
                    note: The masthead names www.irna.ir and, in Persian, دفتر مقام معظم رهبری (the Office of the Supreme Leader).
                  - id: minsk-report
                    file: minsk-report.txt
                    lang: en
                    date: 2023-03-15
                meetings:
                  - id: 2023-03-15-lukashenko-back-in-minsk
                    date: 2023-03-15
                    titles: { en: Lukashenko back in Minsk }
                    participants: [{ speaker: alexander-lukashenko, role: host }]
                    sources: [minsk-report]
                quotes:
                  - id: lukashenko-only-the-beginning
                    speaker: alexander-lukashenko
                    meeting: 2023-03-15-lukashenko-back-in-minsk
                    topics: [bilateral-relations]
                    variants:
                      - source: minsk-report
                        mode: direct
                        text: %s
                """.formatted(quoteText);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("annotations.yaml", annotations.getBytes(StandardCharsets.UTF_8));
        files.put("minsk-report.txt", REPORT.getBytes(StandardCharsets.UTF_8));
        files.put("002_fcbcff514eaca929.txt", Files.readAllBytes(Path.of("seeds", "002_fcbcff514eaca929.txt")));
        return files;
    }

    @Inject
    AgroalDataSource dataSource;

    /** The changes of a quote in the webhooks' outbox, oldest first. */
    private List<String> outbox(String quoteId) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select event_type from webhook_event where quote_id = ? order by seq")) {
            statement.setString(1, quoteId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }

    @Test
    void appliesACorpusWithAReportAndASecondRunChangesNothing() throws IOException, SQLException {
        byte[] archive = Zips.zip(corpus("only the beginning"));
        given().auth().oauth2(EDITOR).contentType("application/zip").body(archive)
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("sources.created", contains("minsk-report"))
                .body("sources.unchanged", contains("002_fcbcff514eaca929"))
                .body("meetings.created", contains("2023-03-15-lukashenko-back-in-minsk"))
                .body("quotes.created", contains("lukashenko-only-the-beginning"))
                .body("speakers.created", empty());
        given().when().get("/api/v1/quotes/lukashenko-only-the-beginning")
                .then().statusCode(200)
                .body("variants[0].span.start", equalTo(REPORT.indexOf("only the beginning")))
                .body("meeting.date", equalTo("2023-03-15"));
        given().when().get("/api/v1/quotes/lukashenko-only-the-beginning/revisions")
                .then().body("items[0].editor", equalTo("desk-editor"));
        given().queryParam("q", "\"only the beginning\"").when().get("/api/v1/quotes")
                .then().body("items.id", hasItem("lukashenko-only-the-beginning"));
        // Announced to webhook subscribers, as any change through the editors is.
        assertThat(outbox("lukashenko-only-the-beginning")).containsExactly("CREATED");

        given().auth().oauth2(EDITOR).contentType("application/zip").body(archive)
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("quotes.unchanged", contains("lukashenko-only-the-beginning"))
                .body("quotes.created", empty())
                .body("sources.unchanged", contains("002_fcbcff514eaca929", "minsk-report"));
        assertThat(outbox("lukashenko-only-the-beginning")).as("nothing changed, nothing announced").containsExactly("CREATED");
    }

    @Test
    void aRetractedQuoteIsNotBroughtBackByAnImportAndTheRefusalLinksItsHistory() throws IOException {
        Map<String, byte[]> files = corpus("only the beginning");
        // Ids of its own: the other tests of this class import the corpus as it is.
        files.put("annotations.yaml", new String(files.get("annotations.yaml"), StandardCharsets.UTF_8)
                .replace("lukashenko-only-the-beginning", "lukashenko-retracted-then-imported")
                .replace("minsk-report", "minsk-retraction-report")
                .replace("2023-03-15-lukashenko-back-in-minsk", "2023-03-15-lukashenko-retraction-test")
                .getBytes(StandardCharsets.UTF_8));
        files.put("minsk-retraction-report.txt", files.remove("minsk-report.txt"));
        given().auth().oauth2(ADMIN).contentType("application/zip").body(Zips.zip(files))
                .when().post("/api/v1/imports")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).header("If-Match", "*").queryParam("reason", "Not his words.")
                .when().delete("/api/v1/quotes/lukashenko-retracted-then-imported")
                .then().statusCode(204);

        given().auth().oauth2(ADMIN).contentType("application/zip").body(Zips.zip(files))
                .when().post("/api/v1/imports")
                .then().statusCode(410)
                .contentType("application/problem+json")
                .header("Link", equalTo("</api/v1/quotes/lukashenko-retracted-then-imported/revisions>; rel=\"version-history\""))
                .body("type", equalTo("/problems/retracted"))
                .body("detail", org.hamcrest.Matchers.startsWith(
                        "annotations.yaml: quotes[0] (lukashenko-retracted-then-imported): This quote was retracted on "))
                .body("detail", org.hamcrest.Matchers.endsWith("Nothing was imported."));
        given().when().get("/api/v1/quotes/lukashenko-retracted-then-imported").then().statusCode(410);
    }

    @Test
    void aFaultyEntryFailsTheWholeImportNamingIt() throws IOException {
        given().auth().oauth2(EDITOR).contentType("application/zip").body(Zips.zip(corpus("only the begining")))
                .when().post("/api/v1/imports")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].message", containsString("quotes[0] (lukashenko-only-the-beginning) variants[0]"))
                .body("violations[0].message", containsString("is not in source 'minsk-report'"));
        given().when().get("/api/v1/sources/minsk-report").then().statusCode(404);
    }

    @Test
    void anImportRefusedHalfwayLeavesNothingBehind() throws IOException {
        // Speakers and sources are written first; then the cited seed source 002 would change text: 409, all rolled back.
        Map<String, byte[]> files = corpus("only the beginning");
        String annotations = new String(files.get("annotations.yaml"), StandardCharsets.UTF_8);
        files.put("annotations.yaml", ("""
                speakers:
                  - id: halfway-speaker
                    kind: person
                    names: { en: Halfway Speaker }
                """ + annotations.replace("  - id: minsk-report", "  - id: halfway-report")
                .replace("sources: [minsk-report]", "sources: [halfway-report]")
                .replace("- source: minsk-report", "- source: halfway-report")
                .replace("file: minsk-report.txt", "file: halfway-report.txt")
                .replace("id: 2023-03-15-lukashenko-back-in-minsk", "id: halfway-meeting")
                .replace("meeting: 2023-03-15-lukashenko-back-in-minsk", "meeting: halfway-meeting")
                .replace("id: lukashenko-only-the-beginning", "id: halfway-quote")).getBytes(StandardCharsets.UTF_8));
        files.put("halfway-report.txt", REPORT.getBytes(StandardCharsets.UTF_8));
        files.put("002_fcbcff514eaca929.txt", (new String(files.get("002_fcbcff514eaca929.txt"), StandardCharsets.UTF_8)
                + "\nCorrection appended.\n").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(ADMIN).contentType("application/zip").body(Zips.zip(files))
                .when().post("/api/v1/imports")
                .then().statusCode(409)
                .body("detail", containsString("sources[0] (002_fcbcff514eaca929)"))
                .body("detail", containsString("Nothing was imported"));
        given().when().get("/api/v1/speakers/halfway-speaker").then().statusCode(404);
        given().when().get("/api/v1/sources/halfway-report").then().statusCode(404);
        given().when().get("/api/v1/quotes/halfway-quote").then().statusCode(404);
    }

    @Test
    void onlyAdminsMayChangeSpeakersThroughAnImport() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("annotations.yaml", """
                speakers:
                  - id: import-speaker
                    kind: organization
                    names: { en: Import Office }
                """.getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(EDITOR).contentType("application/zip").body(Zips.zip(files))
                .when().post("/api/v1/imports").then().statusCode(403);
        given().when().get("/api/v1/speakers/import-speaker").then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType("application/zip").body(Zips.zip(files))
                .when().post("/api/v1/imports").then().statusCode(200).body("speakers.created", contains("import-speaker"));
    }

    @Test
    void relabellingATopicChangesTheQuotesThatShowIt() throws IOException {
        String quote = """
                topics:
                  - id: relabel-topic
                    labels: { en: %s }
                quotes:
                  - id: relabel-quote
                    speaker: ali-khamenei
                    meeting: 2023-03-13-leader-receives-lukashenko
                    topics: [relabel-topic]
                    variants:
                      - source: 002_fcbcff514eaca929
                        mode: indirect
                        text: strive to make it a reality
                """;
        given().auth().oauth2(ADMIN).contentType("application/zip")
                .body(Zips.zip(Map.of("annotations.yaml", quote.formatted("Ports").getBytes(StandardCharsets.UTF_8))))
                .when().post("/api/v1/imports").then().statusCode(200).body("topics.created", contains("relabel-topic"));
        String etag = given().when().get("/api/v1/quotes/relabel-quote").then().statusCode(200)
                .body("topics[0].labels.en", equalTo("Ports")).extract().header("ETag");

        given().auth().oauth2(ADMIN).contentType("application/zip")
                .body(Zips.zip(Map.of("annotations.yaml", quote.formatted("Seaports").getBytes(StandardCharsets.UTF_8))))
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("topics.updated", contains("relabel-topic"))
                .body("quotes.unchanged", contains("relabel-quote"));

        given().header("If-None-Match", etag).when().get("/api/v1/quotes/relabel-quote").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(etag))
                .body("topics[0].labels.en", equalTo("Seaports"));
    }

    @Test
    void refusesWhatIsNotASafeArchive() throws IOException {
        given().auth().oauth2(EDITOR).contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).contentType("application/zip").body(Zips.zip(Map.of("../escape.txt", new byte[] {1})))
                .when().post("/api/v1/imports")
                .then().statusCode(400).body("detail", containsString("outside the archive"));
        given().contentType("application/zip").body(Zips.zip(Map.of("annotations.yaml", new byte[0])))
                .when().post("/api/v1/imports")
                .then().statusCode(401);
    }
}
