package org.dicta.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers and editors at once against the packaged application, for {@code dicta.soak.seconds} (60 by default): no
 * 5xx, the readers' p99 within {@code dicta.soak.p99-ms} (1000 by default, on a loaded 2-core CI machine; the first
 * tenth of the run, while the JIT warms up, is not counted), every acknowledged write present afterwards with its
 * history, never two edits accepted on the same version, and the heap that survives a full collection without a
 * growing trend from the first third of the run to the last. The application runs with a fixed heap (256 MB), and the
 * creators are paced (5 quotes a second each), so that the figures mean the same on a fast machine and a slow one.
 */
class SoakIT {

    private static final int SECONDS = Integer.getInteger("dicta.soak.seconds", 60);
    private static final long P99_BOUND_MS = Long.getLong("dicta.soak.p99-ms", 1000);
    private static final int READERS = 6;
    private static final int CREATORS = 2;
    private static final int EDITORS = 2;
    private static final long CREATION_INTERVAL_MS = 200;
    /** Live heap is measured six times, after a full collection each: two samples in each third of the run. */
    private static final int HEAP_SAMPLES = 6;
    private static final String EDITED = "khamenei-north-south-corridor";
    private static final String ENGLISH = "Tehran and Minsk should strive to make it a reality";
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void readersAndEditorsTogetherLoseNothingAndBreakNothing() throws Exception {
        try (Flavour database = Flavour.freshDatabase()) {
            Map<String, String> env = database.environment(work.resolve("data"));
            String token = Instance.mintToken(env, "soak", "editor", work.resolve("token.err"));
            try (Instance instance = Instance.start(env, work.resolve("dicta.log"), "-Xmx256m", "-Xms256m")) {
                Load load = new Load(instance, token);
                load.run();
                String base = instance.baseUri();

                assertThat(load.serverErrors).as("5xx answers; log:%n%s", instance.log()).isEmpty();
                assertThat(load.unexpected).as("answers no client should get").isEmpty();
                long p99 = percentile(load.readLatencies, 0.99);
                assertThat(p99).as("p99 of %s reads, ms", load.readLatencies.size()).isLessThanOrEqualTo(P99_BOUND_MS);

                // Every acknowledged creation is there, with its one revision.
                for (String id : load.created) {
                    given().baseUri(base).when().get("/api/v1/quotes/" + id).then().statusCode(200);
                    assertThat(given().baseUri(base).when().get("/api/v1/quotes/" + id + "/revisions").then().statusCode(200)
                            .extract().jsonPath().getList("items.action")).as(id).containsExactly("create");
                }
                // Every accepted edit is in the history, once, in version order; no version was accepted twice.
                JsonPath history = given().baseUri(base).when().get("/api/v1/quotes/" + EDITED + "/revisions")
                        .then().statusCode(200).extract().jsonPath();
                List<String> reasons = history.getList("items.reason");
                assertThat(reasons).containsAll(load.acceptedEdits.values()).doesNotHaveDuplicates();
                assertThat(load.acceptedEdits).as("edits accepted").isNotEmpty();
                assertThat(history.getList("items.version", Integer.class)).isSorted().doesNotHaveDuplicates();
                assertThat(load.doubleAccepts).as("versions on which two edits were both accepted").isEmpty();

                // Heap live after a full collection: no growth trend between the first and the last third.
                List<Double> heap = load.heap;
                assertThat(heap).hasSize(HEAP_SAMPLES);
                double first = mean(heap.subList(0, heap.size() / 3));
                double last = mean(heap.subList(heap.size() - heap.size() / 3, heap.size()));
                assertThat(last).as("mean heap live in the last third against the first (%.0f MB)", first / 1e6)
                        .isLessThanOrEqualTo(first * 1.5 + 32e6);

                System.out.printf("Soak (%s, %d s): %d reads (%.0f/s, p50 %d ms, p99 %d ms), %d creations and %d edits "
                                + "acknowledged, all found; %d edits refused on a stale version; live heap %.0f -> %.0f MB%n",
                        Flavour.KIND, SECONDS, load.readLatencies.size(), load.readLatencies.size() / (double) SECONDS,
                        percentile(load.readLatencies, 0.5), p99, load.created.size(), load.acceptedEdits.size(),
                        load.conflicts.get(), first / 1e6, last / 1e6);
            }
        }
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static final class Load {

        final List<Long> readLatencies = new CopyOnWriteArrayList<>();
        final List<String> serverErrors = new CopyOnWriteArrayList<>();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final Set<String> created = ConcurrentHashMap.newKeySet();
        /** Accepted edits: the version they were made on, and their reason. */
        final Map<String, String> acceptedEdits = new ConcurrentHashMap<>();
        final List<String> doubleAccepts = new CopyOnWriteArrayList<>();
        final AtomicInteger conflicts = new AtomicInteger();
        final List<Double> heap = new CopyOnWriteArrayList<>();
        private final Instance instance;
        private final String base;
        private final String token;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS) / 10;
        private volatile boolean over;

        Load(Instance instance, String token) {
            this.instance = instance;
            this.base = instance.baseUri();
            this.token = token;
        }

        void run() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(READERS + CREATORS + EDITORS + 1);
            for (int i = 0; i < READERS; i++) {
                long seed = i;
                threads.submit(() -> read(new Random(seed)));
            }
            for (int i = 0; i < CREATORS; i++) {
                int creator = i;
                threads.submit(() -> create(creator));
            }
            for (int i = 0; i < EDITORS; i++) {
                int editor = i;
                threads.submit(() -> edit(editor));
            }
            threads.submit(this::sampleHeap);
            Thread.sleep(SECONDS * 1000L);
            over = true;
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        private void read(Random random) {
            String[] paths = {"/api/v1/quotes/" + EDITED + "?lang=ur", "/api/v1/quotes?lang=fa&limit=20",
                    "/api/v1/quotes?q=sanctions&limit=10", "/api/v1/quotes?q=%22" + "Tehran%20and%20Minsk" + "%22",
                    "/api/v1/speakers/ali-khamenei", "/api/v1/quotes?topic=trade&sort=date", "/api/v1/languages",
                    "/api/v1/quotes/random?lang=ar"};
            while (!over) {
                long start = System.nanoTime();
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + paths[random.nextInt(paths.length)])).GET());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (response != null) {
                    if (start > warmUpEnds) {
                        readLatencies.add(millis);
                    }
                    check(response, 200);
                }
            }
        }

        private void create(int creator) {
            for (int n = 0; !over; n++) {
                pause(CREATION_INTERVAL_MS);
                String id = "soak-" + creator + "-" + n;
                String body = """
                        {"id": "%s", "speaker": "ali-khamenei", "meeting": "2023-03-13-leader-receives-lukashenko",
                         "topics": ["trade"], "reason": "soak",
                         "variants": [{"source": "002_fcbcff514eaca929", "mode": "indirect", "text": "%s"}]}
                        """.formatted(id, ENGLISH);
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                if (response != null && check(response, 201)) {
                    created.add(id);
                }
            }
        }

        private void edit(int editor) {
            String[][] topics = {{"trade"}, {"trade", "sanctions"}, {"north-south-corridor"}};
            for (int n = 0; !over; n++) {
                HttpResponse<String> current = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes/" + EDITED)).GET());
                if (current == null || !check(current, 200)) {
                    continue;
                }
                String etag = current.headers().firstValue("ETag").orElseThrow();
                String reason = "soak edit " + editor + "-" + n;
                // A real change each time: an edit that changes nothing is answered 200 with no new version.
                List<String> now = JsonPath.from(current.body()).getList("topics.id");
                String[] next = java.util.Arrays.stream(topics).filter(option -> !Set.of(option).equals(Set.copyOf(now)))
                        .skip(n % 2).findFirst().orElseThrow();
                String body = "{\"topics\": [\"" + String.join("\", \"", next) + "\"], \"reason\": \"" + reason + "\"}";
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes/" + EDITED))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/merge-patch+json")
                        .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
                if (response == null) {
                    continue;
                }
                if (response.statusCode() == 412) {
                    conflicts.incrementAndGet();
                } else if (check(response, 200) && acceptedEdits.putIfAbsent(etag, reason) != null) {
                    doubleAccepts.add(etag + ": " + acceptedEdits.get(etag) + " and " + reason);
                }
            }
        }

        /** A full collection pauses the readers too: only a few, spread evenly, so that they barely touch the p99. */
        private void sampleHeap() {
            for (int i = 0; i < HEAP_SAMPLES; i++) {
                pause(SECONDS * 1000L / HEAP_SAMPLES - 500);
                try {
                    instance.collectGarbage();
                } catch (Exception e) {
                    unexpected.add("no full collection: " + e);
                    return;
                }
                HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).GET());
                if (metrics != null && metrics.statusCode() == 200) {
                    Matcher matcher = HEAP.matcher(metrics.body());
                    double used = 0;
                    while (matcher.find()) {
                        used += Double.parseDouble(matcher.group(1));
                    }
                    if (used <= 0) {
                        unexpected.add("no heap figure in /q/metrics");
                    } else {
                        heap.add(used);
                    }
                }
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Whether the answer is the expected one; 5xx and other surprises are recorded. */
        private boolean check(HttpResponse<String> response, int expected) {
            int status = response.statusCode();
            if (status >= 500) {
                serverErrors.add(response.request().method() + " " + response.request().uri() + ": " + status + " " + response.body());
            } else if (status != expected && status != 304) {
                unexpected.add(response.request().method() + " " + response.request().uri() + ": " + status + " " + response.body());
            }
            return status == expected;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                unexpected.add(e.toString());
                return null;
            }
        }
    }
}
