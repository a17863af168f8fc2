package org.dicta.meeting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** Editors' changes to meetings and admins' changes to speakers. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class MeetingEditingTest {

    private static final String EDITOR = EditorTokens.editor("desk-editor");
    private static final String ADMIN = EditorTokens.admin("chief-editor");

    @Test
    void adminsManageSpeakersAndEditorsCannot() {
        String putin = """
                {"id": "vladimir-putin", "kind": "person", "country": "RU",
                 "names": {"en": "Vladimir Putin", "ar": "فلاديمير بوتين"}, "titles": {"en": "President of Russia"},
                 "aliases": [{"lang": "ar", "name": "بوتين"}], "reason": "Named in 003"}
                """;
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(putin).when().post("/api/v1/speakers")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(putin).when().post("/api/v1/speakers")
                .then().statusCode(201).header("ETag", "\"0\"").body("names.ar", equalTo("فلاديمير بوتين"));
        given().queryParam("q", "بوتين").when().get("/api/v1/speakers")
                .then().statusCode(200).body("items.id", contains("vladimir-putin"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(putin.replace("\"RU\"", "\"XX\"").replace("\"ar\": \"فلاديمير بوتين\"", "\"de\": \"Wladimir Putin\""))
                .header("If-Match", "\"0\"").when().put("/api/v1/speakers/vladimir-putin")
                .then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("country", "names.de"));
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").when().delete("/api/v1/speakers/ali-khamenei")
                .then().statusCode(409).body("detail", containsString("quotes are attributed"));
        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").queryParam("reason", "test entry")
                .when().delete("/api/v1/speakers/vladimir-putin").then().statusCode(204);
        given().when().get("/api/v1/speakers/vladimir-putin/revisions")
                .then().statusCode(200).body("items.action", contains("create", "retract"));
    }

    @Test
    void aDateIsAnIsoCalendarDateInTheYearsOneTo9999AndNothingElse() {
        String meeting = """
                {"id": "2023-03-21-dated", "date": %s, "titles": {"en": "Dated talks"},
                 "participants": [{"speaker": "ebrahim-raisi", "role": "host"}]}
                """;
        // Numbers (days since 1970 to Jackson alone), years beyond 9999, times: none is a date the spec can answer with.
        for (String date : new String[] {"1436232706", "19436", "\"+3934115-09-25\"", "\"10000-01-01\"", "\"0000-12-31\"",
                "\"2023-03-21T10:00:00Z\"", "\"2023-3-21\""}) {
            given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(meeting.formatted(date)).when().post("/api/v1/meetings")
                    .then().statusCode(400).body("type", equalTo("/problems/invalid-body")).body("violations.field", contains("date"));
        }
        given().when().get("/api/v1/meetings/2023-03-21-dated").then().statusCode(404);
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"date\": 19436}").when().patch("/api/v1/sources/003_b5ccf18f57044a7b")
                .then().statusCode(400).body("violations.field", contains("date"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(meeting.formatted("\"9999-12-31\"")).when().post("/api/v1/meetings")
                .then().statusCode(201).body("date", equalTo("9999-12-31"));
    }

    @Test
    void aNewMeetingDateMovesItsQuotes() {
        String meeting = """
                {"id": "2023-03-20-follow-up", "date": "2023-03-20", "titles": {"en": "Follow-up talks"},
                 "participants": [{"speaker": "ebrahim-raisi", "role": "host"}], "sources": ["003_b5ccf18f57044a7b"]}
                """;
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(meeting).when().post("/api/v1/meetings")
                .then().statusCode(201).body("participants[0].role", equalTo("host"));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body("""
                        {"id": "follow-up-quote", "speaker": "ebrahim-raisi", "meeting": "2023-03-20-follow-up",
                         "variants": [{"source": "003_b5ccf18f57044a7b", "mode": "direct", "text": "خطوة نحو تنمية البلدين"}]}
                        """)
                .when().post("/api/v1/quotes").then().statusCode(201);
        given().queryParam("from", "2023-03-20").when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", contains("follow-up-quote"));
        given().auth().oauth2(EDITOR).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"date\": \"2023-03-10\", \"reason\": \"Date corrected\"}")
                .when().patch("/api/v1/meetings/2023-03-20-follow-up")
                .then().statusCode(200).header("ETag", "\"1\"").body("date", equalTo("2023-03-10"));
        given().queryParam("from", "2023-03-20").when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem("follow-up-quote")));
        given().queryParam("to", "2023-03-10").queryParam("q", "تنمية").when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", hasItem("follow-up-quote"));
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").when().delete("/api/v1/meetings/2023-03-20-follow-up")
                .then().statusCode(409);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(meeting.replace("ebrahim-raisi", "nobody").replace("003_b5ccf18f57044a7b", "no-source"))
                .header("If-Match", "\"1\"").when().put("/api/v1/meetings/2023-03-20-follow-up")
                .then().statusCode(422)
                .body("violations.field", contains("participants[0].speaker", "sources[0]", "sources"));
        given().header("If-None-Match", "\"1\"").when().get("/api/v1/meetings/2023-03-20-follow-up").then().statusCode(304);
    }
}
