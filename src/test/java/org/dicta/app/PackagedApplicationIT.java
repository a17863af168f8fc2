package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as the README runs it: H2 file mode in DICTA_DATA_DIR, seeds loaded at first start only,
 * and a faulty annotation file stopping start-up with a message that names it.
 */
class PackagedApplicationIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void keepsItsDataAcrossRestartsAndImportsTheSeedsOnlyOnce() throws Exception {
        Path data = work.resolve("data");
        int port = start(data, Path.of("seeds"), work.resolve("first.log"));
        given().baseUri("http://localhost").port(port)
                .queryParam("speaker", "alexander-lukashenko").queryParam("lang", "ur")
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.variants.flatten().lang", everyItem(equalTo("ur")));
        given().baseUri("http://localhost").port(port).when().get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri("http://localhost").port(port).when().get("/q/openapi").then().statusCode(200);
        stop();
        assertThat(data.resolve("dicta.mv.db")).exists();

        port = start(data, Path.of("seeds"), work.resolve("second.log"));
        given().baseUri("http://localhost").port(port).queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items", hasSize(26));
        given().baseUri("http://localhost").port(port).queryParam("q", "حربه")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items[0].id", equalTo("khamenei-neutralise-sanctions-weapon"));
        assertThat(Files.readString(work.resolve("second.log"))).contains("Corpus already imported")
                .contains("Search index up to date (72 variants)")
                .doesNotContain("Imported corpus");
        assertThat(data.resolve("search-index")).isDirectory();
    }

    @Test
    void anEditorMintsATokenWithTheJarAndTheirChangeSurvivesARestart() throws Exception {
        Path data = work.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder mint = new ProcessBuilder(java, "-jar", JAR.toString(), "token", "--subject", "alice", "--role", "editor")
                .redirectError(work.resolve("token.err").toFile());
        mint.environment().put("DICTA_DATA_DIR", data.toString());
        Process minting = mint.start();
        String token = new String(minting.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(minting.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(minting.exitValue()).as(Files.readString(work.resolve("token.err"))).isZero();
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(data.resolve("keys").resolve("public-key.pem")).exists();

        int port = start(data, Path.of("seeds"), work.resolve("edit.log"));
        given().baseUri("http://localhost").port(port).auth().oauth2(token).contentType("application/json")
                .body("{\"id\": \"alice-corridor\", \"speaker\": \"ali-khamenei\", "
                        + "\"meeting\": \"2023-03-13-leader-receives-lukashenko\", \"variants\": [{\"source\": "
                        + "\"002_fcbcff514eaca929\", \"mode\": \"indirect\", "
                        + "\"text\": \"Tehran and Minsk should strive to make it a reality\"}]}")
                .when().post("/api/v1/quotes")
                .then().statusCode(201);
        stop();

        port = start(data, Path.of("seeds"), work.resolve("after-edit.log"));
        given().baseUri("http://localhost").port(port).when().get("/api/v1/quotes/alice-corridor/revisions")
                .then().statusCode(200).body("items[0].editor", equalTo("alice"));
        given().baseUri("http://localhost").port(port).queryParam("q", "\"strive to make it a reality\"")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem("alice-corridor"));
    }

    @Test
    void refusesToStartOnAFaultyAnnotationAndNamesIt() throws Exception {
        Path seeds = work.resolve("seeds");
        Files.createDirectories(seeds);
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path file : files.toList()) {
                Files.copy(file, seeds.resolve(file.getFileName()));
            }
        }
        Path annotations = seeds.resolve("annotations.yaml");
        Files.writeString(annotations, Files.readString(annotations)
                .replace("  - id: raisi-good-agreements\n    speaker: ebrahim-raisi",
                        "  - id: raisi-good-agreements\n    speaker: ebrahim-raisy"));
        Path log = work.resolve("faulty.log");
        process = launch(work.resolve("data"), seeds, log, freePort());
        assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("process exits").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains(annotations.toString())
                .contains("quotes[18] (raisi-good-agreements): speaker names unknown speaker 'ebrahim-raisy'");
    }

    private int start(Path data, Path seeds, Path log) throws Exception {
        int port = freePort();
        process = launch(data, seeds, log, port);
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("application running; log:%n%s", read(log)).isTrue();
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("application did not become ready within " + START_TIMEOUT + "; log:\n" + read(log));
    }

    private static Process launch(Path data, Path seeds, Path log, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Dquarkus.http.port=" + port, "-jar", JAR.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DICTA_DATA_DIR", data.toString());
        builder.environment().put("DICTA_SEED_DIR", seeds.toString());
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
