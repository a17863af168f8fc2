package org.dicta.meeting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeetingResourceTest {

    @Test
    void listsTheMeetingsTheSeedsDescribe() {
        given().when().get("/api/v1/meetings")
                .then().statusCode(200)
                .body("items.id", contains("2023-03-13-leader-receives-lukashenko", "2023-03-13-raisi-lukashenko-talks",
                        "lukashenko-visit-to-china"))
                .body("items.date", contains("2023-03-13", "2023-03-13", null));
    }

    @Test
    void givesParticipantsWithRolesAndTheFourReports() {
        given().when().get("/api/v1/meetings/2023-03-13-leader-receives-lukashenko")
                .then().statusCode(200)
                .body("date", equalTo("2023-03-13"))
                .body("participants.speaker.id", contains("ali-khamenei", "alexander-lukashenko", "ebrahim-raisi"))
                .body("participants.role", contains("host", "guest", "attendee"))
                .body("sources.id", contains("000_26e08119a475d493", "001_e2ce688135970981", "002_fcbcff514eaca929",
                        "004_dbc71cf8bbbb5a4e"))
                .body("sources.lang", contains("ar", "fa", "en", "ur"))
                .body("places.size()", equalTo(0));
    }

    @Test
    void givesThePlaceTheReportStates() {
        given().queryParam("lang", "ar")
                .when().get("/api/v1/meetings/2023-03-13-raisi-lukashenko-talks")
                .then().statusCode(200)
                .header("Content-Language", "ar")
                .body("places.ar", equalTo("طهران"))
                .body("titles.ar", equalTo("محادثات الرئيسين الإيراني والبيلاروسي ومؤتمرهما الصحافي في طهران"))
                .body("participants.speaker.names.ar", contains("إبراهيم رئيسي", "ألكسندر لوكاشينكو"))
                .body("sources.id", contains("003_b5ccf18f57044a7b"));
    }

    @Test
    void fallsBackToEnglishForTitlesMissingInTheLanguage() {
        given().queryParam("lang", "ur")
                .when().get("/api/v1/meetings/lukashenko-visit-to-china")
                .then().statusCode(200)
                .header("Content-Language", "ur, en")
                .body("titles.en", equalTo("Lukashenko's visit to China"))
                .body("titles.ur", nullValue())
                .body("date", nullValue())
                .body("participants[0].speaker.names.ur", equalTo("الیگزینڈر لوکاشنکوو"));
    }

    @Test
    void unknownMeetingIs404() {
        given().when().get("/api/v1/meetings/2099-01-01-nothing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
