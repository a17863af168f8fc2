package org.dicta.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.dicta.support.CorpusSnapshot;
import org.dicta.support.EditorTokens;
import org.dicta.web.SpecValidation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Requests generated from the committed spec: for every operation, valid, boundary and invalid values of every
 * parameter and body, with a fixed seed so that a failure reproduces. Every answer is checked against the spec (by
 * SpecValidation, as for every REST test) and none may be a 5xx. Without a valid token no write succeeds and the corpus
 * is what it was; with an admin's token, writes reach validation and preconditions, and every refused one changes
 * nothing. {@code -Ddicta.fuzz.count=N} (default 3000), {@code -Ddicta.fuzz.auth-count=N} (default 1500) and
 * {@code -Ddicta.fuzz.seed=S} (default 7) for longer runs.
 */
@QuarkusTest
@TestProfile(SpecFuzzTest.Fuzz.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the admin's writes come second, so the first phase sees the seeds
class SpecFuzzTest {

    public static class Fuzz implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dicta.test.database", "fuzz");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final String[] STRINGS = {"", " ", "a", "ali-khamenei", "khamenei-north-south-corridor",
            "002_fcbcff514eaca929", "2023-03-13-leader-receives-lukashenko", "sanctions", "ar", "fa", "ur", "en", "all",
            "العقوبات", "تحریم‌ها", "پابندیاں", "\"حربه\"", "'; DROP TABLE quote; --", "%' OR '1'='1", "../../etc/passwd",
            "%00", "\u0000", "\u202e", "\ud800", "*", "(((", "\\", "<script>alert(1)</script>", "-1", "0", "1", "100", "101",
            "2147483648", "99999999999999999999", "1e9", "true", "null", "2023-03-13", "2023-02-30", "9999-12-31",
            "2023-03-13T10:00:00Z", "direct", "indirect", "relevance", "date", "x".repeat(300), "🙂", "\"0\"", "*"};

    private final Random random = new Random(Long.getLong("dicta.fuzz.seed", 7));
    private final String editor = EditorTokens.admin("fuzz-admin");

    @Inject
    AgroalDataSource dataSource;

    @Test
    @Order(1)
    void generatedRequestsNeverBreakTheServerOrTheCorpus() throws IOException {
        assertThat(SpecValidation.installed()).as("every answer is validated against the spec").isTrue();
        JsonNode spec = JSON.readTree(Path.of("openapi", "openapi.json").toFile());
        List<String[]> operations = operations(spec, method -> true);
        String before = CorpusSnapshot.take();
        int count = Integer.getInteger("dicta.fuzz.count", 3000);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] operation = operations.get(random.nextInt(operations.size()));
            String method = operation[0];
            JsonNode definition = spec.get("paths").get(operation[1]).get(method);
            boolean write = WRITES.contains(method);
            // Writes go without a token, with a forged one, or with one lacking the role: none may succeed.
            int credentials = random.nextInt(3);
            RequestSpecification request = given().urlEncodingEnabled(true);
            if (write && credentials == 1) {
                request.auth().oauth2(EditorTokens.signedByAnotherKey("forger"));
            } else if (write && credentials == 2) {
                request.auth().oauth2(EditorTokens.withRoles("reader", Set.of("reader")));
            }
            String path = operation[1];
            for (JsonNode parameter : definition.path("parameters")) {
                String name = parameter.get("name").asText();
                String in = parameter.get("in").asText();
                boolean include = parameter.path("required").asBoolean() || in.equals("path") || random.nextInt(3) == 0;
                if (!include) {
                    continue;
                }
                String value = value(parameter);
                switch (in) {
                    case "path" -> path = path.replace("{" + name + "}", value.isEmpty() ? "x" : encodePath(value));
                    case "query" -> request.queryParam(name, value);
                    case "header" -> {
                        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                            request.header(name, value);
                        }
                    }
                    default -> { }
                }
            }
            JsonNode body = definition.path("requestBody").path("content");
            if (!body.isMissingNode()) {
                String mediaType = body.fieldNames().next();
                request.contentType(random.nextInt(10) == 0 ? "text/plain" : mediaType);
                JsonNode schema = body.get(mediaType).path("schema");
                if (mediaType.equals("application/zip")) {
                    byte[] bytes = new byte[random.nextInt(64)];
                    random.nextBytes(bytes);
                    request.body(bytes);
                } else {
                    request.body(JSON.writeValueAsString(mutate(example(schema, spec))));
                }
            }
            Response response = request.when().request(method.toUpperCase(), path);
            int status = response.statusCode();
            statuses.merge(String.valueOf(status), 1, Integer::sum);
            String what = "#" + i + " " + method.toUpperCase() + " " + path;
            if (status >= 500) {
                faults.add(what + ": " + status + " " + response.asString());
            }
            if (write && status < 400) {
                faults.add(what + ": a write without a valid editor's token got " + status);
            }
        }
        System.out.printf("Fuzzed %d requests (seed %d): %s%n", count, Long.getLong("dicta.fuzz.seed", 7), statuses);
        assertThat(faults).as("faults among %s generated requests", count).isEmpty();
        assertThat(CorpusSnapshot.take()).as("the corpus after the fuzzing").isEqualTo(before);
    }

    /**
     * Writes with an admin's token: the operation's example body or a mutation of it, on existing resources or not, with
     * If-Match right, stale, garbage or absent. Writes may succeed; one answered with a 4xx must record no revision of
     * anything and leave its target (the resource in the path, or the one a POST names) as it was.
     */
    @Test
    @Order(2)
    void authenticatedWritesNeverBreakTheServerAndRefusedOnesChangeNothing() throws IOException, SQLException {
        assertThat(SpecValidation.installed()).as("every answer is validated against the spec").isTrue();
        JsonNode spec = JSON.readTree(Path.of("openapi", "openapi.json").toFile());
        List<String[]> operations = operations(spec, WRITES::contains);
        int count = Integer.getInteger("dicta.fuzz.auth-count", 1500);
        Map<String, List<String>> ids = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] operation = operations.get(random.nextInt(operations.size()));
            String method = operation[0];
            JsonNode definition = spec.get("paths").get(operation[1]).get(method);
            String collection = operation[1].replaceAll("/\\{id}.*", "");
            String id = null;
            String target = null;
            Snapshot before = null;
            String path = operation[1];
            RequestSpecification request = given().urlEncodingEnabled(true).auth().oauth2(editor);
            if (operation[1].contains("{id}")) {
                JsonNode idParameter = parameter(definition, "id");
                List<String> known = ids.computeIfAbsent(collection, this::idsOf);
                id = random.nextInt(8) > 0 && !known.isEmpty() ? known.get(random.nextInt(known.size())) : value(idParameter);
                target = collection + "/" + (id.isEmpty() ? "x" : encodePath(id));
                before = snapshot(target);
                path = path.replace("{id}", id.isEmpty() ? "x" : encodePath(id));
            }
            JsonNode body = definition.path("requestBody").path("content");
            JsonNode example = null;
            if (!body.isMissingNode()) {
                String mediaType = body.fieldNames().next();
                request.contentType(random.nextInt(10) == 0 ? "text/plain" : mediaType);
                if (mediaType.equals("application/zip")) {
                    byte[] bytes = new byte[random.nextInt(64)];
                    random.nextBytes(bytes);
                    request.body(bytes);
                } else {
                    example = example(body.get(mediaType).path("schema"), spec);
                    if (example instanceof ObjectNode object && object.has("id") && random.nextBoolean()) {
                        // An id that can be created, or the id of the resource in the path: writes that can succeed.
                        object.put("id", id != null ? id : object.get("id").asText() + "-" + i);
                    }
                    example = mutate(example);
                    request.body(JSON.writeValueAsString(example));
                }
            }
            if (target == null && example != null && example.path("id").isTextual()) {
                String created = example.get("id").asText();
                target = collection + "/" + (created.isEmpty() ? "x" : encodePath(created));
                before = snapshot(target);
            }
            for (JsonNode parameter : definition.path("parameters")) {
                String name = parameter.get("name").asText();
                switch (name) {
                    case "id" -> { }
                    case "variantId" -> {
                        List<String> variants = before == null ? List.of() : before.variantIds();
                        String variantId = random.nextInt(8) > 0 && !variants.isEmpty()
                                ? variants.get(random.nextInt(variants.size())) : value(parameter);
                        path = path.replace("{variantId}", variantId.isEmpty() ? "x" : encodePath(variantId));
                    }
                    case "deliveryId" -> path = path.replace("{deliveryId}", encodePath(value(parameter)));
                    case "If-Match" -> ifMatch(before).ifPresent(value -> request.header("If-Match", value));
                    default -> {
                        if (parameter.path("required").asBoolean() || random.nextInt(3) > 0) {
                            request.queryParam(name, value(parameter));
                        }
                    }
                }
            }
            long revisionsBefore = revisionCount();
            Response response = request.when().request(method.toUpperCase(), path);
            int status = response.statusCode();
            statuses.merge(String.valueOf(status), 1, Integer::sum);
            String what = "#" + i + " " + method.toUpperCase() + " " + path;
            if (status >= 500) {
                faults.add(what + ": " + status + " " + response.asString());
            } else if (status >= 400) {
                if (revisionCount() != revisionsBefore) {
                    faults.add(what + ": refused with " + status + " but recorded a revision");
                }
                if (target != null && !snapshot(target).equals(before)) {
                    faults.add(what + ": refused with " + status + " but changed " + target);
                }
            } else {
                ids.clear(); // resources may have come or gone
            }
        }
        System.out.printf("Fuzzed %d authenticated writes (seed %d): %s%n", count, Long.getLong("dicta.fuzz.seed", 7), statuses);
        assertThat(faults).as("faults among %s authenticated writes", count).isEmpty();
    }

    /** The resource's current ETag, a stale or future one, garbage, or none. */
    private Optional<String> ifMatch(Snapshot target) {
        String current = target == null || target.etag() == null ? "\"0\"" : target.etag();
        long version = Long.parseLong(current.replaceAll("^\"(\\d+).*", "$1"));
        return switch (random.nextInt(5)) {
            case 0, 1 -> Optional.of(current);
            case 2 -> Optional.of("\"" + (version > 0 ? version - 1 : version + 1) + "\"");
            case 3 -> Optional.of(STRINGS[random.nextInt(STRINGS.length)]).filter(value -> value.chars().allMatch(c -> c >= 0x20 && c < 0x7F));
            default -> Optional.empty();
        };
    }

    /**
     * What an editor reading one resource sees: its status and representation, its ETag, and its variants' ids. Its
     * revisions are left to {@link #revisionCount()}, since a revision once recorded never changes.
     */
    private record Snapshot(String representation, String etag, List<String> variantIds) {
    }

    private Snapshot snapshot(String target) {
        RequestSpecification read = given().urlEncodingEnabled(false).auth().oauth2(editor);
        if (target.startsWith("/api/v1/quotes/")) {
            read.queryParam("include_retracted", "true");
        }
        Response resource = read.when().get(target);
        List<String> variantIds = resource.statusCode() == 200 && target.startsWith("/api/v1/quotes/")
                ? resource.jsonPath().getList("variants.id", Object.class).stream().map(String::valueOf).toList() : List.of();
        return new Snapshot(resource.statusCode() + " " + resource.asString(), resource.header("ETag"), variantIds);
    }

    /** The ids a collection lists now, retracted quotes included. */
    private List<String> idsOf(String collection) {
        RequestSpecification list = given().auth().oauth2(editor).queryParam("limit", 100);
        if (collection.equals("/api/v1/quotes")) {
            list.queryParam("include_retracted", "true").queryParam("lang", "all");
        }
        return list.when().get(collection).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    /** Revisions recorded so far, of every resource: every change records one, and none is ever altered or removed. */
    private long revisionCount() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from revision")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The spec's operations, as method and path, whose method is accepted. */
    private static List<String[]> operations(JsonNode spec, Predicate<String> methods) {
        List<String[]> operations = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (methods.test(method)) {
                operations.add(new String[] {method, path.getKey()});
            }
        }));
        return operations;
    }

    private static JsonNode parameter(JsonNode definition, String name) {
        for (JsonNode parameter : definition.path("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("no parameter " + name);
    }

    /** A valid value, a boundary value or garbage. */
    private String value(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        return switch (random.nextInt(4)) {
            case 0 -> parameter.has("example") ? asValue(parameter.get("example"))
                    : schema.has("enum") ? schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText() : "1";
            case 1 -> schema.has("enum") ? schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText()
                    : STRINGS[random.nextInt(STRINGS.length)];
            default -> STRINGS[random.nextInt(STRINGS.length)];
        };
    }

    /** A parameter's example as one value: an array's values separated by commas, as the API takes them. */
    private static String asValue(JsonNode example) {
        List<String> values = new ArrayList<>();
        (example.isArray() ? example : NODES.arrayNode().add(example)).forEach(value -> values.add(value.asText()));
        return String.join(",", values);
    }

    /** The schema's example, or one made from its properties. */
    private static JsonNode example(JsonNode schema, JsonNode spec) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return example(spec.get("components").get("schemas").get(name), spec);
        }
        return schema.has("example") ? schema.get("example").deepCopy() : NODES.objectNode();
    }

    /** The example itself, or with a member dropped, nulled, retyped, replaced by garbage, or an unknown one added. */
    private JsonNode mutate(JsonNode example) {
        if (!(example instanceof ObjectNode object) || random.nextInt(6) == 0) {
            return switch (random.nextInt(4)) {
                case 0 -> example;
                case 1 -> NODES.nullNode();
                case 2 -> NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
                default -> NODES.arrayNode().add(example);
            };
        }
        ObjectNode copy = object.deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        int mutations = random.nextInt(3);
        for (int m = 0; m < mutations && !names.isEmpty(); m++) {
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> copy.remove(name);
                case 1 -> copy.putNull(name);
                case 2 -> copy.put(name, random.nextInt());
                case 3 -> copy.put(name, STRINGS[random.nextInt(STRINGS.length)]);
                case 4 -> copy.set(name, NODES.arrayNode().add(NODES.objectNode()));
                default -> copy.put("unknown" + m, true);
            }
        }
        return copy;
    }

    private static String encodePath(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
