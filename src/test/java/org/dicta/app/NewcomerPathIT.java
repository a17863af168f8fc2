package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path: the packaged jar started from an empty directory outside the checkout, with no seed directory,
 * no key and no settings at all, serves the curated corpus it carries, refuses every write with a 401 problem, accepts
 * one made with a token minted by the jar's {@code token} command in the same directory without being restarted, and
 * still has it after a restart, all of its data in {@code ./data}. The default install is H2's: the PostgreSQL flavour
 * cannot start without a database's settings, so the test is skipped there.
 */
class NewcomerPathIT {

    private static final String QUOTE = "khamenei-neutralise-sanctions-weapon";
    private static final String ARABIC = "على الدول التي فرضت أمريكا الحظر عليها أن تعمل معاً وتشكل مجموعة مشتركة للقضاء على "
            + "\"حربة\" الحظر، ونعتقد أن هذا العمل ممكن";
    private static final String PERSIAN = "کشورهایی که مورد تحریم آمریکا قرار گرفتهاند باید با همکاری یکدیگر و با تشکیل یک "
            + "مجموعه مشترک، حربه تحریم را از بین ببرند و ما معتقدیم این کار شدنی است";
    private static final int SEED_QUOTES = 26;
    private static final String WRITTEN = "newcomer-corridor";
    private static final String WRITTEN_TEXT = "Tehran and Minsk should strive to make it a reality";
    private static final String WRITE = "{\"id\": \"" + WRITTEN + "\", \"speaker\": \"ali-khamenei\", "
            + "\"meeting\": \"2023-03-13-leader-receives-lukashenko\", \"variants\": [{\"source\": \"002_fcbcff514eaca929\", "
            + "\"mode\": \"indirect\", \"text\": \"" + WRITTEN_TEXT + "\"}]}";
    private static final String NEEDS_A_TOKEN = "Writing needs a bearer token";
    private static final String TOKEN_REFUSED = "The bearer token was refused";

    @TempDir
    Path work;

    @BeforeEach
    void defaultInstallIsH2() {
        assumeFalse(Flavour.isPostgres(), "the newcomer's install is the H2 flavour; the PostgreSQL one needs database settings");
    }

    @Test
    void fromAnEmptyDirectoryServesTheSeedsRefusesWritesAndAcceptsOneWithATokenMintedBesideIt() throws Exception {
        Path home = Files.createDirectory(work.resolve("newcomer"));
        assertThat(home.toAbsolutePath().startsWith(Path.of("").toAbsolutePath())).as("inside the checkout").isFalse();
        Map<String, String> environment = Instance.withoutSettings(home);
        Path data = home.resolve("data");

        try (Instance instance = Instance.start(environment, work.resolve("first-start.log"))) {
            String base = instance.baseUri();
            assertTheSeedsAreServed(base);
            assertEachScriptFindsTheQuote(base);

            Path publicKey = data.resolve("keys").resolve("public-key.pem");
            assertThat(publicKey).as("key pair created at first start").exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys").resolve("private-key.pem"))))
                    .isEqualTo("rw-------");
            byte[] verificationKey = Files.readAllBytes(publicKey);

            assertRefused(api(base).contentType("application/json").body(WRITE), NEEDS_A_TOKEN);
            assertRefused(api(base).contentType("application/json").body("{\"id\": \"" + WRITTEN + "\", \"variants\": ["),
                    NEEDS_A_TOKEN);
            assertRefused(api(base).contentType("application/json").body(""), NEEDS_A_TOKEN);
            assertABarePostIsRefused(base);
            assertRefused(api(base).auth().oauth2(EditorTokens.signedByAnotherKey("mallory")).contentType("application/json")
                    .body(WRITE), TOKEN_REFUSED);
            assertNotWritten(base);

            String token = Instance.mintToken(environment, "alice", "editor", work.resolve("token.err"));
            assertThat(Files.readString(work.resolve("token.err"))).doesNotContain("Created a key pair");
            assertThat(Files.readAllBytes(publicKey)).as("the token command used the instance's pair").isEqualTo(verificationKey);

            api(base).auth().oauth2(token).contentType("application/json").body(WRITE)
                    .when().post("/api/v1/quotes")
                    .then().statusCode(201)
                    .header("Location", endsWith("/api/v1/quotes/" + WRITTEN))
                    .body("id", equalTo(WRITTEN))
                    .body("variants[0].text", equalTo(WRITTEN_TEXT));
            given().baseUri(base).when().get("/api/v1/quotes/" + WRITTEN + "/revisions")
                    .then().statusCode(200).body("items[0].editor", equalTo("alice"));

            instance.stop();
            instance.restart();
            base = instance.baseUri();
            given().baseUri(base).when().get("/api/v1/quotes/" + WRITTEN)
                    .then().statusCode(200).body("variants[0].text", equalTo(WRITTEN_TEXT));
            given().baseUri(base).queryParam("limit", 100).when().get("/api/v1/quotes")
                    .then().statusCode(200).body("items", hasSize(SEED_QUOTES + 1));
            assertThat(instance.log()).contains("Corpus already imported");
        }

        assertThat(data.resolve("dicta.mv.db")).exists();
        assertThat(data.resolve("search-index")).isDirectory();
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(file -> file.getFileName().toString())).as("all it writes is in ./data").containsExactly("data");
        }
    }

    private static void assertTheSeedsAreServed(String base) {
        given().baseUri(base).queryParam("limit", 100).when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items", hasSize(SEED_QUOTES))
                .body("items.id", hasItem(QUOTE));
        JsonPath quote = given().baseUri(base).when().get("/api/v1/quotes/" + QUOTE)
                .then().statusCode(200).extract().jsonPath();
        assertThat(quote.getString("speaker.id")).isEqualTo("ali-khamenei");
        assertThat(quote.getList("variants.lang", String.class)).containsExactly("ar", "fa", "en", "ur");
        assertThat(quote.getString("variants.find { it.lang == 'ar' }.text")).isEqualTo(ARABIC);
        assertThat(quote.getString("variants.find { it.lang == 'fa' }.text")).isEqualTo(PERSIAN);
    }

    /** A word or phrase of the quote in each of its four scripts finds it within that language. */
    private static void assertEachScriptFindsTheQuote(String base) {
        Map<String, String> searches = Map.of("ar", "حربة", "fa", "«حربه تحریم»", "en", "\"blunting this weapon\"",
                "ur", "ہتھکنڈے");
        searches.forEach((lang, words) -> {
            JsonPath found = given().baseUri(base).queryParam("q", words).queryParam("lang", lang)
                    .when().get("/api/v1/quotes")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(found.getList("items.id", String.class)).as("%s: %s", lang, words).containsExactly(QUOTE);
            assertThat(found.getList("items[0].variants.lang", String.class)).as("%s: %s", lang, words).containsExactly(lang);
        });
    }

    private static RequestSpecification api(String base) {
        return given().baseUri(base);
    }

    private static void assertRefused(RequestSpecification write, String detail) {
        write.when().post("/api/v1/quotes")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"dicta\""))
                .body("type", equalTo("/problems/unauthenticated"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/quotes"))
                .body("detail", startsWith(detail));
    }

    /** A POST with no body and no Content-Type at all, as {@code curl -X POST} sends it. */
    private static void assertABarePostIsRefused(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getString("type")).isEqualTo("/problems/unauthenticated");
        assertThat(problem.getString("detail")).startsWith(NEEDS_A_TOKEN);
    }

    private static void assertNotWritten(String base) {
        given().baseUri(base).when().get("/api/v1/quotes/" + WRITTEN).then().statusCode(404);
        List<String> ids = given().baseUri(base).queryParam("limit", 100).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(ids).hasSize(SEED_QUOTES).doesNotContain(WRITTEN);
    }
}
