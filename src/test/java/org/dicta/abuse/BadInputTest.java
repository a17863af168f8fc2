package org.dicta.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dicta.support.CorpusSnapshot;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of hostile and broken input: each one is answered with a 4xx problem (never a 5xx, never a stack
 * trace or an internal name), and none changes the corpus. Every answer is also checked against the spec.
 */
@QuarkusTest
@TestProfile(BadInputTest.Hostile.class)
class BadInputTest {

    public static class Hostile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicta.test.database", "hostile");
        }
    }

    private static final String ADMIN = EditorTokens.admin("hostile-admin");
    private static final String QUOTE = "/api/v1/quotes/khamenei-north-south-corridor";
    private static final String SPEAKER = "/api/v1/speakers/ali-khamenei";
    private static final String GOOD_SPEAKER = "{\"id\":\"new-speaker\",\"kind\":\"person\",\"names\":{\"en\":\"%s\"}}";
    private static final String GOOD_QUOTE = """
            {"id":"new-quote","speaker":"ali-khamenei","meeting":"2023-03-13-leader-receives-lukashenko",
             "variants":[{"source":"002_fcbcff514eaca929","mode":"indirect","text":"%s"}],"reason":"test"}""";
    private static final String SQL = "'; DROP TABLE quote; --";
    private static final String JPQL = "%' OR '1'='1";

    private record Case(String name, String method, String path, UnaryOperator<RequestSpecification> request, int status) {
    }

    private static Case json(String name, String method, String path, String body, int status) {
        return new Case(name, method, path, r -> r.auth().oauth2(ADMIN).contentType("application/json").body(body), status);
    }

    private static Case bytes(String name, String path, byte[] body, int status) {
        return new Case(name, "POST", path, r -> r.auth().oauth2(ADMIN).contentType("application/json").body(body), status);
    }

    private static Case get(String name, String pathAndQuery, int status) {
        return new Case(name, "GET", pathAndQuery, r -> r.urlEncodingEnabled(false), status);
    }

    private static List<Case> catalogue() {
        List<Case> cases = new ArrayList<>();
        // Bodies that are not JSON, or not the JSON asked for.
        cases.add(json("malformed JSON", "POST", "/api/v1/quotes", "{\"id\": \"x\", ", 400));
        cases.add(json("truncated JSON", "POST", "/api/v1/speakers", "{\"id\":\"x\",\"kind\":\"pers", 400));
        cases.add(json("wrong types", "POST", "/api/v1/quotes", "{\"id\": 5, \"speaker\": [1], \"variants\": \"x\"}", 400));
        cases.add(json("unknown field", "POST", "/api/v1/speakers", "{\"id\":\"x\",\"kind\":\"person\",\"nmes\":{}}", 400));
        cases.add(json("null body", "POST", "/api/v1/quotes", "null", 400));
        cases.add(json("nulls in fields", "POST", "/api/v1/quotes",
                "{\"id\":null,\"speaker\":null,\"meeting\":null,\"variants\":[null]}", 400));
        cases.add(new Case("empty body", "POST", "/api/v1/quotes",
                r -> r.auth().oauth2(ADMIN).contentType("application/json"), 400));
        cases.add(new Case("deeply nested JSON", "PATCH", SPEAKER, r -> r.auth().oauth2(ADMIN).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").body(deeplyNested()), 400));
        cases.add(json("body over the size limit", "POST", "/api/v1/sources",
                "{\"id\":\"big\",\"lang\":\"en\",\"text\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}", 413));
        cases.add(json("over-long string", "POST", "/api/v1/speakers", GOOD_SPEAKER.formatted("a".repeat(100_000)), 400));
        cases.add(bytes("invalid UTF-8", "/api/v1/speakers",
                concat("{\"id\":\"utf\",\"kind\":\"person\",\"names\":{\"en\":\"A".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}}".getBytes(StandardCharsets.UTF_8)), 400));
        cases.add(json("unpaired surrogate", "POST", "/api/v1/speakers", GOOD_SPEAKER.formatted("A\\ud800B"), 400));
        cases.add(json("NUL character", "POST", "/api/v1/speakers", GOOD_SPEAKER.formatted("A\\u0000B"), 400));
        cases.add(json("other control character", "POST", "/api/v1/speakers", GOOD_SPEAKER.formatted("A\\u001bB"), 400));
        for (String bidi : new String[] {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"}) {
            cases.add(json("bidi control U+" + bidi + " in a name", "POST", "/api/v1/speakers",
                    GOOD_SPEAKER.formatted("Ali\\u" + bidi + " Khamenei"), 400));
        }
        cases.add(json("unclosed bidi override in a quote's text", "POST", "/api/v1/quotes",
                GOOD_QUOTE.formatted("Tehran and Minsk\\u202e should strive"), 422));
        cases.add(json("invalid language tag", "POST", "/api/v1/sources",
                "{\"id\":\"lang-test\",\"lang\":\"english!\",\"text\":\"A text.\"}", 422));
        cases.add(json("SQL in an id", "POST", "/api/v1/speakers",
                "{\"id\":\"" + SQL + "\",\"kind\":\"person\",\"names\":{\"en\":\"X\"}}", 400));
        cases.add(json("path traversal in an id", "POST", "/api/v1/sources",
                "{\"id\":\"../../etc/passwd\",\"lang\":\"en\",\"text\":\"A text.\"}", 400));
        // Media types, methods.
        cases.add(new Case("unsupported media type", "POST", "/api/v1/quotes",
                r -> r.auth().oauth2(ADMIN).contentType("text/plain").body("hello"), 415));
        cases.add(new Case("unacceptable Accept", "GET", "/api/v1/languages", r -> r.accept("image/png"), 406));
        cases.add(new Case("wrong method", "PUT", "/api/v1/languages",
                r -> r.auth().oauth2(ADMIN).contentType("application/json").body("{}"), 405));
        cases.add(new Case("TRACE", "TRACE", "/api/v1/quotes", r -> r, 405));
        // Parameters.
        cases.add(get("invalid language tag", "/api/v1/quotes?lang=xx-!!", 400));
        cases.add(get("forged cursor", "/api/v1/quotes?cursor=djF8ZmFrZXxmYWtl", 400));
        cases.add(get("garbage cursor", "/api/v1/quotes?cursor=%FF%FE%FD", 400));
        cases.add(get("negative limit", "/api/v1/quotes?limit=-1", 400));
        cases.add(get("huge limit", "/api/v1/quotes?limit=99999999999999999999", 400));
        cases.add(get("limit over the maximum", "/api/v1/quotes?limit=101", 400));
        cases.add(get("impossible date", "/api/v1/quotes?from=2023-02-30", 400));
        cases.add(get("unknown enum value", "/api/v1/quotes?mode=shouted", 400));
        cases.add(get("over-long query string", "/api/v1/quotes?q=" + "a".repeat(9_000), 414));
        for (String parameter : new String[] {"speaker", "meeting", "topic"}) {
            cases.add(get("SQL in " + parameter, "/api/v1/quotes?" + parameter + "=" + encode(SQL), 400));
        }
        cases.add(get("path traversal in a quote id", "/api/v1/quotes/..%2F..%2Fetc%2Fpasswd", 404));
        cases.add(get("path traversal in a source id", "/api/v1/sources/%2e%2e%2f%2e%2e", 404));
        cases.add(get("NUL in an id", "/api/v1/speakers/ali%00khamenei", 400));
        cases.add(get("NUL in a name search", "/api/v1/speakers?q=ali%00", 400));
        cases.add(get("NUL in the id of a path without parameters", "/api/v1/sources/002%00", 400));
        cases.add(get("control character in a revisions path", "/api/v1/speakers/ali%1Fkhamenei/revisions", 400));
        cases.add(get("DEL in the query of a path without parameters", "/api/v1/languages?x=%7F", 400));
        cases.add(new Case("control character in a reason", "DELETE", "/api/v1/speakers/ali-khamenei?reason=a%07b",
                r -> r.auth().oauth2(ADMIN).header("If-Match", "\"0\"").urlEncodingEnabled(false), 400));
        return cases;
    }

    @Test
    void everyBadInputIsAProblemOfTheClientAndChangesNothing() {
        String before = CorpusSnapshot.take();
        List<String> faults = new ArrayList<>();
        List<Case> cases = catalogue();
        for (Case c : cases) {
            Response response = c.request().apply(given()).when().request(c.method(), c.path());
            String body = response.asString();
            String what = c.name() + " (" + c.method() + " " + abbreviated(c.path()) + ")";
            if (response.statusCode() != c.status()) {
                faults.add(what + ": " + response.statusCode() + " instead of " + c.status() + ": " + abbreviated(body));
            }
            if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                faults.add(what + ": not a problem but " + response.contentType());
            } else if (!response.jsonPath().getString("detail").isBlank() && response.jsonPath().getInt("status") != response.statusCode()) {
                faults.add(what + ": the problem's status differs from the response's");
            }
            if (body.contains("Exception") || body.contains("org.dicta") || body.contains("at java.") || body.contains("hibernate")) {
                faults.add(what + ": the answer names internals: " + abbreviated(body));
            }
        }
        assertThat(faults).as("of %s bad inputs", cases.size()).isEmpty();
        assertThat(CorpusSnapshot.take()).as("the corpus after all the bad inputs").isEqualTo(before);
    }

    @Test
    void aBodyNestedBeyondTheParsersLimitIsRefusedForItsDepthAndChangesNothing() {
        String speaker = given().auth().oauth2(ADMIN).when().get(SPEAKER).then().statusCode(200).extract().asString();
        String revisions = given().when().get(SPEAKER + "/revisions").then().statusCode(200).extract().asString();

        given().auth().oauth2(ADMIN).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body(deeplyNested()).when().patch(SPEAKER)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.is("/problems/invalid-body"))
                .body("detail", org.hamcrest.Matchers.containsString("nesting depth (1001) exceeds the maximum allowed (1000)"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("StreamReadConstraints")));

        assertThat(given().auth().oauth2(ADMIN).when().get(SPEAKER).then().extract().asString()).isEqualTo(speaker);
        assertThat(given().when().get(SPEAKER + "/revisions").then().extract().asString()).isEqualTo(revisions);
    }

    /**
     * A merge patch of a speaker's names whose English name is arrays 5000 deep: a known field, and a body the parser
     * reads as a tree, so what stops it is the nesting limit, not an unknown field or a type.
     */
    private static String deeplyNested() {
        return "{\"names\":{\"en\":" + "[".repeat(5_000) + "]".repeat(5_000) + "},\"reason\":\"Deep.\"}";
    }

    @Test
    void aWrongMethodIsToldWhichOnesAreAllowed() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{}").when().put("/api/v1/languages")
                .then().statusCode(405).header("Allow", "GET, HEAD")
                .body("detail", org.hamcrest.Matchers.containsString("Allowed: GET, HEAD"));
        given().when().request("TRACE", "/api/v1/quotes").then().statusCode(405).header("Allow", "GET, HEAD, POST");
        given().auth().oauth2(ADMIN).when().post(QUOTE).then().statusCode(405)
                .header("Allow", "DELETE, GET, HEAD, PATCH, PUT");
    }

    @Test
    void searchTreatsQueryLanguageMetacharactersAsWords() {
        for (String q : new String[] {SQL, JPQL, "\" OR \"\"=\"", "*:*", "title:(a OR b)^10", "\\", "((((", "~!@#$%^&*"}) {
            given().queryParam("q", q).when().get("/api/v1/quotes")
                    .then().statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200)).or(org.hamcrest.Matchers.is(400)));
        }
        given().queryParam("q", JPQL).when().get("/api/v1/speakers").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
