package org.dicta.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One process of the packaged application, started as the README starts it, with its log in a file. */
final class Instance implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Not passed to the process: the directory to start it in, when not the build's. */
    static final String WORKING_DIRECTORY = "(working directory)";
    /** Prefixes of the environment variables that configure the application (Dicta's, Quarkus's, MicroProfile's, SmallRye's). */
    private static final List<String> SETTING_PREFIXES = List.of("DICTA_", "QUARKUS_", "MP_", "SMALLRYE_");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Map<String, String> environment;
    private final Path log;
    private final List<String> jvmOptions;
    private Process process;
    private int port;

    private Instance(Map<String, String> environment, Path log, List<String> jvmOptions) {
        this.environment = environment;
        this.log = log;
        this.jvmOptions = jvmOptions;
    }

    /**
     * The environment of a process started as a newcomer starts it: in this directory, with none of the variables that
     * configure the application, not even those this test's own environment holds (a null value unsets a variable).
     */
    static Map<String, String> withoutSettings(Path workingDirectory) {
        Map<String, String> environment = new HashMap<>();
        System.getenv().keySet().stream().filter(name -> SETTING_PREFIXES.stream().anyMatch(name::startsWith))
                .forEach(name -> environment.put(name, null));
        environment.put(WORKING_DIRECTORY, workingDirectory.toString());
        return environment;
    }

    /** Starts an instance with this environment and waits until it is ready. */
    static Instance start(Map<String, String> environment, Path log, String... jvmOptions) throws Exception {
        Instance instance = new Instance(new HashMap<>(environment), log, List.of(jvmOptions));
        instance.restart();
        return instance;
    }

    /** Starts the process again (on a new port), appending to the same log. */
    void restart() throws Exception {
        port = freePort();
        // The tests' writers all call from loopback, one client to the rate limit: they test other things.
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(List.of("-Dquarkus.http.port=" + port, "-Ddicta.rate-limit.enabled=false"));
        process = launch(environment, options, log);
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("application running; log:%n%s", log()).isTrue();
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("application did not become ready within " + START_TIMEOUT + "; log:\n" + log());
    }

    /**
     * Mints an editor's token with the jar's {@code token} command, in the environment (and working directory) given;
     * it uses, or creates, the key pair in DICTA_DATA_DIR.
     */
    static String mintToken(Map<String, String> environment, String subject, String role, Path errors) throws Exception {
        Process minting = processBuilder(environment, List.of(), List.of("token", "--subject", subject, "--role", role))
                .redirectError(errors.toFile())
                .start();
        String token = new String(minting.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(minting.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(minting.exitValue()).as(Files.readString(errors)).isZero();
        return token;
    }

    static Process launch(Map<String, String> environment, List<String> options, Path log) throws IOException {
        return processBuilder(environment, options, List.of())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** {@code java OPTIONS -jar quarkus-run.jar ARGUMENTS}, in the environment's working directory if it names one. */
    private static ProcessBuilder processBuilder(Map<String, String> environment, List<String> options, List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        String directory = environment.get(WORKING_DIRECTORY);
        if (directory != null) {
            builder.directory(Path.of(directory).toFile());
        }
        environment.forEach((name, value) -> {
            if (name.equals(WORKING_DIRECTORY)) {
                return;
            }
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder;
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** A full collection in the running application, through the JDK's jcmd, so that the heap in use is what lives. */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        String output = new String(gc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gc.waitFor(30, TimeUnit.SECONDS) && gc.exitValue() == 0).as("jcmd GC.run: %s", output).isTrue();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, and a graceful shutdown. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
