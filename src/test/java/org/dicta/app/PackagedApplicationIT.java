package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dicta.support.EditorTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as the README runs it (H2 file mode in DICTA_DATA_DIR; or the PostgreSQL flavour): seeds
 * loaded at first start only, data kept across restarts, a faulty annotation file stopping start-up with a message
 * that names it, and a verification key set elsewhere never created, writes refused with 401 while it cannot be read.
 */
class PackagedApplicationIT {

    @TempDir
    Path work;

    private Flavour database;
    private Instance instance;
    private Process process;

    @BeforeEach
    void database() throws Exception {
        database = Flavour.freshDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        if (instance != null) {
            instance.stop();
        }
        if (process != null) {
            process.destroyForcibly();
        }
        database.close();
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
        instance.stop();
        if (!Flavour.isPostgres()) {
            assertThat(data.resolve("dicta.mv.db")).exists();
        }

        port = start(data, Path.of("seeds"), work.resolve("second.log"));
        given().baseUri("http://localhost").port(port).queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items", hasSize(26));
        given().baseUri("http://localhost").port(port).queryParam("q", "حربه")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items[0].id", equalTo("khamenei-neutralise-sanctions-weapon"));
        // The index the first run left is caught up from the change feed (nothing changed), not rebuilt.
        assertThat(instance.log()).contains("Corpus already imported")
                .contains("Search index caught up from the change feed: 0 quotes changed").contains("(72 variants)")
                .doesNotContain("Search index rebuilt")
                .doesNotContain("Imported corpus");
        assertThat(data.resolve("search-index")).isDirectory();
    }

    @Test
    void theRunCommandWithoutSettingsKeepsItsDataInDataBesideIt() throws Exception {
        Path directory = work.resolve("checkout");
        copySeeds(directory.resolve("seeds"));
        Map<String, String> env = new HashMap<>(database.environment());
        env.put(Instance.WORKING_DIRECTORY, directory.toString());
        instance = Instance.start(env, work.resolve("defaults.log"));
        given().baseUri(instance.baseUri()).queryParam("speaker", "alexander-lukashenko").queryParam("lang", "ur")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items", hasSize(5));
        instance.stop();
        assertThat(directory.resolve("data").resolve("search-index")).isDirectory();
        if (!Flavour.isPostgres()) {
            assertThat(directory.resolve("data").resolve("dicta.mv.db")).exists();
        }
    }

    @Test
    void aRelativeDataDirectoryIsResolvedAgainstTheWorkingDirectory() throws Exception {
        // H2 itself refuses "mydata/dicta" (a relative path without "./"): the application resolves it first.
        Path directory = work.resolve("relative");
        copySeeds(directory.resolve("seeds"));
        Map<String, String> env = new HashMap<>(database.environment());
        env.put(Instance.WORKING_DIRECTORY, directory.toString());
        env.put("DICTA_DATA_DIR", "mydata");
        instance = Instance.start(env, work.resolve("relative.log"));
        given().baseUri(instance.baseUri()).when().get("/api/v1/quotes/khamenei-neutralise-sanctions-weapon")
                .then().statusCode(200).body("speaker.id", equalTo("ali-khamenei"));
        instance.stop();
        assertThat(directory.resolve("mydata").resolve("keys").resolve("public-key.pem")).exists();
        if (!Flavour.isPostgres()) {
            assertThat(directory.resolve("mydata").resolve("dicta.mv.db")).exists();
        }
    }

    @Test
    void anEditorMintsATokenWithTheJarAndTheirChangeSurvivesARestart() throws Exception {
        Path data = work.resolve("data");
        String token = Instance.mintToken(environment(data, Path.of("seeds")), "alice", "editor", work.resolve("token.err"));
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
        instance.stop();

        port = start(data, Path.of("seeds"), work.resolve("after-edit.log"));
        given().baseUri("http://localhost").port(port).when().get("/api/v1/quotes/alice-corridor/revisions")
                .then().statusCode(200).body("items[0].editor", equalTo("alice"));
        given().baseUri("http://localhost").port(port).queryParam("q", "\"strive to make it a reality\"")
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem("alice-corridor"));
    }

    @Test
    void aKeyLocationSetElsewhereIsNotCreatedAndWhileItCannotBeReadWritesAre401() throws Exception {
        Path data = work.resolve("data");
        Path elsewhere = work.resolve("elsewhere").resolve("public-key.pem");
        Map<String, String> env = environment(data, Path.of("seeds"));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", elsewhere.toString());
        int port = start(env, work.resolve("unreadable-key.log"));
        assertThat(data.resolve("keys")).as("no pair created for another location").doesNotExist();
        assertThat(elsewhere).doesNotExist();
        given().baseUri("http://localhost").port(port).queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200).body("items", hasSize(26));

        String write = "{\"id\": \"unverified-corridor\", \"speaker\": \"ali-khamenei\", "
                + "\"meeting\": \"2023-03-13-leader-receives-lukashenko\", \"variants\": [{\"source\": "
                + "\"002_fcbcff514eaca929\", \"mode\": \"indirect\", "
                + "\"text\": \"Tehran and Minsk should strive to make it a reality\"}]}";
        given().baseUri("http://localhost").port(port).auth().oauth2(EditorTokens.editor("alice"))
                .contentType("application/json").body(write)
                .when().post("/api/v1/quotes")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dicta\""))
                .body("type", equalTo("/problems/unauthenticated"))
                .body("detail", startsWith("The bearer token cannot be verified at the moment"));
        given().baseUri("http://localhost").port(port).contentType("application/json").body(write)
                .when().post("/api/v1/quotes")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", startsWith("Writing needs a bearer token"));
        given().baseUri("http://localhost").port(port).when().get("/api/v1/quotes/unverified-corridor").then().statusCode(404);
        assertThat(instance.log()).contains("Editors' tokens cannot be verified").doesNotContain("Unexpected error");
    }

    @Test
    void anUpgradeMigratesAnExistingDatabaseInPlaceAndKeepsItsData() throws Exception {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        // A database as an earlier release (schema version 6) left it, holding a speaker of its own.
        Flyway.configure().dataSource(database.jdbcUrl(data), database.user(), database.password())
                .locations("classpath:db/migration").target("6").load().migrate();
        try (Connection connection = database.connect(data)) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("insert into language (code, english_name, native_name, direction, position) "
                        + "values ('en', 'English', 'English', 'LTR', 0)");
                sql.execute("insert into speaker (id, kind, country) values ('earlier-speaker', 'PERSON', null)");
                sql.execute("insert into speaker_label (speaker_id, lang, name) values ('earlier-speaker', 'en', 'Earlier Speaker')");
                sql.execute("insert into corpus_import (annotations_sha256, quotes, variants, imported_at) "
                        + "values ('" + "0".repeat(64) + "', 0, 0, current_timestamp)");
            }
        }

        int port = start(data, Path.of("seeds"), work.resolve("upgrade.log"));
        given().baseUri("http://localhost").port(port).when().get("/api/v1/speakers/earlier-speaker")
                .then().statusCode(200).body("names.en", equalTo("Earlier Speaker"));
        assertThat(instance.log()).contains("Migrating schema").contains("to version \"7 - quote changes\"");
        instance.stop();
        try (Connection connection = database.connect(data); Statement sql = connection.createStatement();
                ResultSet version = sql.executeQuery("select count(*) from \"flyway_schema_history\" "
                        + "where \"version\" = '7' and \"success\" = true")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getInt(1)).as("version 7 applied to the existing database").isEqualTo(1);
        }
    }

    @Test
    void refusesToStartOnAFaultyAnnotationAndNamesIt() throws Exception {
        Path seeds = work.resolve("seeds");
        copySeeds(seeds);
        Path annotations = seeds.resolve("annotations.yaml");
        Files.writeString(annotations, Files.readString(annotations)
                .replace("  - id: raisi-good-agreements\n    speaker: ebrahim-raisi",
                        "  - id: raisi-good-agreements\n    speaker: ebrahim-raisy"));
        Path log = work.resolve("faulty.log");
        process = Instance.launch(environment(work.resolve("data"), seeds), List.of(), log);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("process exits").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains(annotations.toString())
                .contains("quotes[18] (raisi-good-agreements): speaker names unknown speaker 'ebrahim-raisy'");
    }

    @Test
    void aCorpusFaultyNearItsEndLeavesNothingBehindAndTheFixedOneImportsWhole() throws Exception {
        // 1 200 quotes: the first 1 000 are written before the fault in the last one is read, and rolled back with it.
        Path corpus = work.resolve("corpus");
        assertThat(org.dicta.seed.CorpusGenerator.run(new String[] {"--variants", "3000", "--out", corpus.toString()},
                System.out, System.err)).isZero();
        Path annotations = corpus.resolve("annotations.yaml");
        String good = Files.readString(annotations);
        int last = good.lastIndexOf("  speaker: speaker-");
        Files.writeString(annotations, good.substring(0, last) + "  speaker: nobody-" + good.substring(last + "  speaker: speaker-".length()));
        Path data = work.resolve("data");
        process = Instance.launch(environment(data, corpus), List.of(), work.resolve("late-fault.log"));
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process exits").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(work.resolve("late-fault.log"))).contains("speaker names unknown speaker 'nobody-");
        try (Connection connection = database.connect(data); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select (select count(*) from quote) + (select count(*) from source)"
                        + " + (select count(*) from meeting) + (select count(*) from corpus_import)")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("nothing of the refused corpus is stored").isZero();
        }

        Files.writeString(annotations, good);
        int port = start(data, corpus, work.resolve("fixed.log"));
        given().baseUri("http://localhost").port(port)
                .when().get("/api/v1/quotes/q0-0")
                .then().statusCode(200).body("speaker.id", startsWith("speaker-"));
        instance.stop();
        assertThat(Files.readString(work.resolve("fixed.log"))).contains("1200 quotes");
        try (Connection connection = database.connect(data); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from quote")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(1200);
        }
    }

    private static void copySeeds(Path target) throws java.io.IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    /** Starts the application and returns its port. */
    private int start(Path data, Path seeds, Path log) throws Exception {
        return start(environment(data, seeds), log);
    }

    private int start(Map<String, String> environment, Path log) throws Exception {
        instance = Instance.start(environment, log);
        return instance.port();
    }

    private Map<String, String> environment(Path data, Path seeds) {
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("DICTA_DATA_DIR", data.toString());
        env.put("DICTA_SEED_DIR", seeds.toString());
        return env;
    }
}
