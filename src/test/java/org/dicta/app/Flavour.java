package org.dicta.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database the packaged application under test was built for (Maven property {@code dicta.db.kind}, passed by
 * failsafe), and a fresh, empty database of that kind for each test: on H2 a file in the instance's data directory,
 * on PostgreSQL a schema of its own in the server named by the DICTA_TEST_PG_* variables, dropped afterwards.
 */
final class Flavour implements AutoCloseable {

    static final String KIND = System.getProperty("dicta.db.kind", "h2");

    private final String schema;

    private Flavour(String schema) {
        this.schema = schema;
    }

    static boolean isPostgres() {
        return KIND.equals("postgresql");
    }

    /** A new empty database; on H2, each data directory has one already. */
    static Flavour freshDatabase() throws SQLException {
        if (!isPostgres()) {
            return new Flavour(null);
        }
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        return new Flavour(schema);
    }

    /** The environment of an instance on this database, with its data in {@code dataDir} and the seed corpus. */
    Map<String, String> environment(Path dataDir) {
        Map<String, String> env = environment();
        env.put("DICTA_DATA_DIR", dataDir.toString());
        env.put("DICTA_SEED_DIR", Path.of("seeds").toAbsolutePath().toString());
        return env;
    }

    /** What an instance needs in its environment to use this database (nothing on H2: DICTA_DATA_DIR is enough). */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        if (schema != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", url() + "?currentSchema=" + schema);
            env.put("QUARKUS_DATASOURCE_USERNAME", setting("USER", "postgres"));
            env.put("QUARKUS_DATASOURCE_PASSWORD", setting("PASSWORD", ""));
        }
        return env;
    }

    /** The JDBC URL of this database, as the application in {@code dataDir} opens it. */
    String jdbcUrl(java.nio.file.Path dataDir) {
        return schema == null
                ? "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("dicta")
                : url() + "?currentSchema=" + schema;
    }

    String user() {
        return schema == null ? "dicta" : setting("USER", "postgres");
    }

    String password() {
        return schema == null ? "" : setting("PASSWORD", "");
    }

    Connection connect(java.nio.file.Path dataDir) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(dataDir), user(), password());
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            try (Connection connection = admin(); Statement statement = connection.createStatement()) {
                statement.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url(), setting("USER", "postgres"), setting("PASSWORD", ""));
    }

    private static String url() {
        return "jdbc:postgresql://" + setting("ADDRESS", "127.0.0.1:5432") + "/" + setting("DATABASE", "test");
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv("DICTA_TEST_PG_" + name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
