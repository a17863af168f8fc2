package org.dicta.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** Versions, revisions and the index stay true to what editors did, and only to that. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class EditorialIntegrityTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String ADMIN = EditorTokens.admin("chief-editor");

    @Test
    void reimportingTheSeedsChangesNothingAndRecordsNothing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path file : files.filter(path -> !path.getFileName().toString().equals("README.md")).toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        given().auth().oauth2(EDITOR).contentType("application/zip").body(bytes.toByteArray())
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("speakers.created", empty()).body("speakers.updated", empty())
                .body("quotes.updated", empty()).body("quotes.unchanged", hasSize(26))
                .body("meetings.updated", empty()).body("sources.updated", empty())
                .body("languages.updated", empty()).body("topics.updated", empty());
        given().when().get("/api/v1/quotes/khamenei-cooperation-capacity/revisions").then().body("items", empty());
    }

    @Test
    void aQuoteCitingANewSourceDoesNotChangeTheMeetingsVersion() {
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("{\"id\": \"integrity-source\", \"lang\": \"en\", \"text\": \"They said: the talks went well.\"}")
                .when().post("/api/v1/sources").then().statusCode(201);
        String before = given().when().get("/api/v1/meetings/2023-03-13-raisi-lukashenko-talks").then().extract().header("ETag");
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"id": "integrity-quote", "speaker": "ebrahim-raisi", "meeting": "2023-03-13-raisi-lukashenko-talks",
                         "variants": [{"source": "integrity-source", "mode": "direct", "text": "the talks went well"}]}
                        """)
                .when().post("/api/v1/quotes").then().statusCode(201);
        given().when().get("/api/v1/meetings/2023-03-13-raisi-lukashenko-talks")
                .then().header("ETag", before).body("sources.id", hasItem("integrity-source"));
        // A variant's text corrected alone is located afresh.
        long variant = given().when().get("/api/v1/quotes/integrity-quote").then().extract().jsonPath().getLong("variants[0].id");
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"text\": \"the talks\"}")
                .when().patch("/api/v1/quotes/integrity-quote/variants/" + variant)
                .then().statusCode(200).body("variants[0].span.end", equalTo(20));
        // A no-op correction records nothing and keeps the version.
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"topics\": []}")
                .when().patch("/api/v1/quotes/integrity-quote")
                .then().statusCode(200).header("ETag", "\"1\"");
        given().when().get("/api/v1/quotes/integrity-quote/revisions").then().body("items.version", contains(0, 1));
    }

    @Test
    void aRenamedSpeakerIsFoundAtOnceThroughSearchAndSync() {
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        String etag = given().when().get("/api/v1/speakers/ebrahim-raisi").then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"names\": {\"en\": \"Seyyed Ebrahim Raisi\"}, \"reason\": \"Full name\"}")
                .when().patch("/api/v1/speakers/ebrahim-raisi").then().statusCode(200);
        given().queryParam("updated_since", since).queryParam("speaker", "ebrahim-raisi").queryParam("q", "العلاقات")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("raisi-relations-for-30-years"));
    }

    @Test
    void oddConditionsAndPatchesAreClientErrors() {
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"99999999999999999999\"")
                .body("{}").when().patch("/api/v1/quotes/khamenei-north-south-corridor")
                .then().statusCode(412);
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("null").when().patch("/api/v1/sources/002_fcbcff514eaca929")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).header("If-Match", "*").queryParam("reason", "r".repeat(2001))
                .when().delete("/api/v1/speakers/iran")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
    }
}
