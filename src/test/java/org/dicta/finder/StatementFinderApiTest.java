package org.dicta.finder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/**
 * The statement finder through the API: candidates of stored sources and of unsaved texts, a meeting's proposed
 * statements, drafts that the quote API accepts as they are, and refusals of bad input that write nothing.
 */
@QuarkusTest
@TestProfile(EditingProfile.class)
class StatementFinderApiTest {

    private static final String EDITOR = EditorTokens.editor("finder-desk");
    private static final String SEED_MEETING = "2023-03-13-leader-receives-lukashenko";
    private static final List<String> SEED_SOURCES = List.of("000_26e08119a475d493", "001_e2ce688135970981",
            "002_fcbcff514eaca929", "003_b5ccf18f57044a7b", "004_dbc71cf8bbbb5a4e");

    private static String sourceText(String id) {
        return given().when().get("/api/v1/sources/" + id).then().statusCode(200).extract().path("text");
    }

    /** Every candidate's text, cue and speaker mention are their spans' slices of the text read. */
    private static void assertSlices(JsonPath found, String prefix, String text) {
        List<Map<String, Object>> items = found.getList(prefix + "items");
        for (Map<String, Object> item : items) {
            assertThat(item.get("text")).isEqualTo(slice(text, item.get("span")));
            Map<?, ?> cue = (Map<?, ?>) item.get("cue");
            assertThat(cue.get("text")).isEqualTo(slice(text, cue.get("span")));
            Map<?, ?> speaker = (Map<?, ?>) item.get("speaker");
            if (speaker != null && speaker.get("mention") != null) {
                Map<?, ?> mention = (Map<?, ?>) speaker.get("mention");
                assertThat(mention.get("text")).isEqualTo(slice(text, mention.get("span")));
            }
        }
        for (Map<String, Object> date : found.<Map<String, Object>>getList(prefix + "dates")) {
            assertThat(date.get("text")).isEqualTo(slice(text, date.get("span")));
        }
    }

    private static String slice(String text, Object span) {
        Map<?, ?> bounds = (Map<?, ?>) span;
        return text.substring((Integer) bounds.get("start"), (Integer) bounds.get("end"));
    }

    @Test
    void aSourcesCandidatesAreSpansOfItsTextWithSpeakersCuesAndDates() {
        for (String id : SEED_SOURCES) {
            JsonPath found = given().when().get("/api/v1/sources/" + id + "/candidates").then().statusCode(200)
                    .body("source", equalTo(id)).extract().jsonPath();
            assertThat(found.getList("items")).as("candidates of %s", id).isNotEmpty();
            assertSlices(found, "", sourceText(id));
        }
        JsonPath persian = given().when().get("/api/v1/sources/001_e2ce688135970981/candidates").then().statusCode(200)
                .body("lang", equalTo("fa"))
                .body("dates[0].text", equalTo("22 / اسفند / 1401"))
                .body("dates[0].calendar", equalTo("persian"))
                .body("dates[0].date", equalTo("2023-03-13"))
                .body("speakers.id", hasItem("ali-khamenei"))
                .extract().jsonPath();
        List<Map<String, Object>> items = persian.getList("items");
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("text")).isEqualTo("راهاندازی خط عبور شمال به جنوب به نفع دو کشور و همچنین روسیه و منطقه است و "
                    + "باید هر دو طرف برای راهاندازی آن تلاش کنند");
            assertThat(item.get("mode")).isEqualTo("direct");
            assertThat(((Map<?, ?>) item.get("speaker")).get("id")).isEqualTo("ali-khamenei");
            assertThat(((Map<?, ?>) item.get("cue")).get("text")).isEqualTo("گفتند:");
        });
        assertThat(items).anySatisfy(item -> {
            assertThat((String) item.get("text")).startsWith("من به ایران آمدهام");
            assertThat(((Map<?, ?>) item.get("speaker")).get("id")).isEqualTo("alexander-lukashenko");
        });
    }

    @Test
    void aMeetingsStatementsHoldEveryCandidateOnceAndNameTheQuotesThatHoldThem() {
        JsonPath answer = given().when().get("/api/v1/meetings/" + SEED_MEETING + "/candidates").then().statusCode(200)
                .body("meeting", equalTo(SEED_MEETING)).extract().jsonPath();
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> reports = answer.getList("reports");
        assertThat(reports).extracting(report -> report.get("source"))
                .containsExactly("000_26e08119a475d493", "001_e2ce688135970981", "002_fcbcff514eaca929", "004_dbc71cf8bbbb5a4e");
        for (Map<String, Object> report : reports) {
            for (Object item : (List<?>) report.get("items")) {
                found.add(report.get("source") + " " + ((Map<?, ?>) item).get("span"));
            }
        }
        List<String> grouped = new ArrayList<>();
        List<Map<String, Object>> statements = answer.getList("statements");
        for (Map<String, Object> statement : statements) {
            Set<Object> sources = new HashSet<>();
            for (Object variant : (List<?>) statement.get("variants")) {
                Map<?, ?> fields = (Map<?, ?>) variant;
                assertThat(sources.add(fields.get("source"))).as("one variant per source in %s", statement).isTrue();
                grouped.add(fields.get("source") + " " + fields.get("span"));
            }
        }
        assertThat(grouped).containsExactlyInAnyOrderElementsOf(found);
        Map<String, Object> corridor = statements.stream()
                .filter(statement -> "khamenei-north-south-corridor".equals(statement.get("quote"))).findFirst().orElseThrow();
        assertThat((List<?>) corridor.get("variants")).hasSize(4).allSatisfy(variant ->
                assertThat(((Map<?, ?>) variant).get("variant")).isNotNull());
        assertThat(corridor).doesNotContainKey("draft");
        assertThat(statements).filteredOn(statement -> statement.get("quote") != null).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void draftsArePostedAsTheyAreAndAQuotesMissingReportsAreAdded() {
        String english = "Tehran (Finder desk) — Ayatollah Khamenei met the visiting delegation on Tuesday. He said that "
                + "\"the new railway will carry trade between the two countries within two years.\" He added that "
                + "sanctions would not stop cooperation in science and technology.";
        String arabic = "التقى قائد الثورة الإسلامية الوفد الزائر يوم الثلاثاء. وقال سماحته: «سكة الحديد الجديدة ستنقل التجارة "
                + "بين البلدين خلال عامين». وأضاف أن العقوبات لن توقف التعاون في العلوم والتكنولوجيا.";
        String en = createSource("en", english);
        String ar = createSource("ar", arabic);
        // Undated, so that the quotes saved here stay out of other tests' date filters (they share the database).
        String meeting = "finder-railway-talks";
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("""
                {"id": "%s", "titles": {"en": "Railway talks"},
                 "participants": [{"speaker": "ali-khamenei", "role": "host"}], "sources": ["%s", "%s"]}
                """.formatted(meeting, en, ar)).when().post("/api/v1/meetings").then().statusCode(201);

        List<Map<String, Object>> statements = statements(meeting);
        assertThat(statements).isNotEmpty().allSatisfy(statement -> assertThat(statement.get("quote")).isNull());
        Map<String, Object> railway = statements.stream()
                .filter(statement -> ((List<?>) statement.get("variants")).size() == 2
                        && statement.get("variants").toString().contains("railway")).findFirst().orElseThrow();
        Map<?, ?> draft = (Map<?, ?>) railway.get("draft");
        assertThat(draft.get("speaker")).isEqualTo("ali-khamenei");
        assertThat(draft.get("meeting")).isEqualTo(meeting);
        assertThat((List<Object>) draft.get("topics")).contains("trade");

        // The draft with its English report only: the statement then names the new quote, and its draft holds the Arabic.
        Map<String, Object> englishOnly = new HashMap<>((Map<String, Object>) draft);
        englishOnly.put("variants", ((List<?>) draft.get("variants")).stream()
                .filter(variant -> en.equals(((Map<?, ?>) variant).get("source"))).toList());
        String quote = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(englishOnly)
                .when().post("/api/v1/quotes").then().statusCode(201).extract().path("id");
        Map<String, Object> again = statements(meeting).stream().filter(statement -> quote.equals(statement.get("quote")))
                .findFirst().orElseThrow();
        List<?> missing = (List<?>) ((Map<?, ?>) again.get("draft")).get("variants");
        assertThat(missing).hasSize(1).allSatisfy(variant -> assertThat(((Map<?, ?>) variant).get("source")).isEqualTo(ar));
        String etag = given().when().get("/api/v1/quotes/" + quote).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(EDITOR).header("If-Match", etag).contentType(ContentType.JSON).body(missing.get(0))
                .when().post("/api/v1/quotes/" + quote + "/variants").then().statusCode(201);
        given().when().get("/api/v1/quotes/" + quote).then().statusCode(200)
                .body("variants.source.id", org.hamcrest.Matchers.containsInAnyOrder(en, ar))
                .body("variants.find { it.source.id == '" + ar + "' }.text", containsString("سكة الحديد الجديدة"));

        // Every other draft is accepted by POST /api/v1/quotes as it is.
        for (Map<String, Object> statement : statements(meeting)) {
            if (statement.get("quote") == null && statement.get("draft") != null) {
                given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(statement.get("draft"))
                        .when().post("/api/v1/quotes").then().statusCode(201);
            }
        }
        assertThat(statements(meeting)).allSatisfy(statement -> {
            assertThat(statement.get("quote")).isNotNull();
            assertThat(statement).doesNotContainKey("draft");
        });
    }

    private static List<Map<String, Object>> statements(String meeting) {
        return given().when().get("/api/v1/meetings/" + meeting + "/candidates").then().statusCode(200)
                .extract().jsonPath().getList("statements");
    }

    private static String createSource(String lang, String text) {
        return given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(Map.of("lang", lang, "text", text)).when().post("/api/v1/sources").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aTextNotStoredYetIsReadForAnEditorAndNothingIsStored() {
        int sources = sourceCount();
        String urdu = "انھوں نے کہا کہ یہ کوریڈور دونوں ملکوں کے مفاد میں ہے۔ رہبر انقلاب اسلامی نے زور دے کر کہا کہ "
                + "پابندیاں ہمیں نہیں روک سکتیں۔";
        String body = "{\"lang\": \"ur\", \"meeting\": \"" + SEED_MEETING + "\", \"text\": \"" + urdu + "\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/candidates")
                .then().statusCode(401).contentType("application/problem+json");
        JsonPath found = given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/candidates").then().statusCode(200)
                .body("lang", equalTo("ur"))
                .body("items.speaker.id", org.hamcrest.Matchers.everyItem(equalTo("ali-khamenei")))
                .extract().jsonPath();
        assertThat(found.getList("items.text", String.class))
                .containsExactly("یہ کوریڈور دونوں ملکوں کے مفاد میں ہے", "پابندیاں ہمیں نہیں روک سکتیں");
        assertThat(found.getString("source")).isNull();
        assertSlices(found, "", urdu);

        String mixed = "\u2067Lukashenko\u2069 said: \"Belarus and Iran stand together.\" وقال رئيسي: «نحن مع بيلاروسيا دائماً».";
        JsonPath bidi = given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(Map.of("lang", "en", "text", mixed)).when().post("/api/v1/candidates").then().statusCode(200)
                .extract().jsonPath();
        assertSlices(bidi, "", mixed);
        assertThat(bidi.getList("items.text", String.class)).contains("Belarus and Iran stand together");

        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(Map.of("lang", "en", "text", "The weather in Tehran was sunny on Monday, and the markets were calm."))
                .when().post("/api/v1/candidates").then().statusCode(200).body("items.size()", equalTo(0));
        assertThat(sourceCount()).isEqualTo(sources);
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        int sources = sourceCount();
        Map<String, Integer> refusals = new HashMap<>();
        refusals.put("{\"lang\": \"de\", \"text\": \"Er sagte, dass alles gut sei.\"}", 422);
        refusals.put("{\"lang\": \"en\", \"text\": \"\"}", 400);
        refusals.put("{\"lang\": \"en\"}", 400);
        refusals.put("{\"text\": \"He said that it would rain.\"}", 400);
        refusals.put("{\"lang\": \"en\", \"text\": \"He said \\u0001 that\"}", 400);
        refusals.put("{\"lang\": \"en\", \"text\": \"He said that \\u202Eit would rain\"}", 422);
        refusals.put("{\"lang\": \"en\", \"text\": \"He said that it would rain.\", \"meeting\": \"no-such-meeting\"}", 422);
        refusals.put("{\"lang\": \"en\", \"text\": ", 400);
        refusals.put("[1, 2, 3]", 400);
        refusals.forEach((body, status) -> given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/candidates").then().statusCode(status).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString())));
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("{\"lang\": \"de\", \"text\": \"Er sagte es.\"}")
                .when().post("/api/v1/candidates").then().statusCode(422)
                .body("violations[0].field", equalTo("lang")).body("violations[0].message", containsString("ar, fa, en, ur"));
        given().auth().oauth2(EDITOR).contentType("application/octet-stream").body(new byte[] {0, 1, 2, (byte) 0xff})
                .when().post("/api/v1/candidates").then().statusCode(415).contentType("application/problem+json");
        byte[] huge = ("{\"lang\": \"en\", \"text\": \"" + "a".repeat(11 * 1024 * 1024) + "\"}").getBytes();
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/candidates").then().statusCode(413);
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON)
                .body(Map.of("lang", "en", "text", "x".repeat(400_001)))
                .when().post("/api/v1/candidates").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/sources/no-such-source/candidates").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-source"));
        given().when().get("/api/v1/meetings/no-such-meeting/candidates").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-meeting"));
        assertThat(sourceCount()).isEqualTo(sources);
    }

    private static int sourceCount() {
        int count = 0;
        String cursor = null;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/sources").then().statusCode(200).extract().jsonPath();
            count += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }
}
