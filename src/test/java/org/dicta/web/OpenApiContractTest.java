package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed spec in openapi/ is the contract: it must equal what the application serves, be valid OpenAPI 3,
 * document every operation fully, give every schema an example that follows it, and name every body's schema (so that
 * generated clients get no inline models). To update it after an API change: {@code mvn package -DskipTests && cp target/openapi/* openapi/}.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String REGENERATE = "the committed spec in openapi/ differs from the served one; run "
            + "'mvn package -DskipTests && cp target/openapi/* openapi/' and commit openapi/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedJsonEqualsTheServedSpec() throws IOException {
        JsonNode served = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        assertThat(JSON.readTree(Files.readString(Path.of("openapi", "openapi.json")))).as(REGENERATE).isEqualTo(served);
    }

    @Test
    void committedYamlEqualsTheServedSpec() throws IOException {
        JsonNode served = YAML.readTree(given().when().get("/q/openapi").then().statusCode(200).extract().asString());
        assertThat(YAML.readTree(Files.readString(Path.of("openapi", "openapi.yaml")))).as(REGENERATE).isEqualTo(served);
    }

    @Test
    void committedSpecIsValidOpenApi3() throws IOException {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(Path.of("openapi", "openapi.yaml")));
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/quotes", "/api/v1/quotes/{id}",
                "/api/v1/speakers", "/api/v1/speakers/{id}", "/api/v1/speakers/{id}/quotes", "/api/v1/meetings",
                "/api/v1/meetings/{id}", "/api/v1/meetings/{id}/quotes", "/api/v1/sources", "/api/v1/sources/{id}",
                "/api/v1/languages");
    }

    @Test
    void everyOperationIsFullyDocumented() throws IOException {
        JsonNode spec = JSON.readTree(Files.readString(Path.of("openapi", "openapi.json")));
        List<String> faults = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                for (String field : List.of("operationId", "summary", "tags")) {
                    if (!operation.hasNonNull(field) || operation.get(field).isEmpty() && !operation.get(field).isTextual()
                            || operation.get(field).isTextual() && operation.get(field).asText().isBlank()) {
                        faults.add(name + " has no " + field);
                    }
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if (!parameter.hasNonNull("description") || !parameter.hasNonNull("example")) {
                        faults.add(name + " parameter " + parameter.get("name") + " lacks a description or example");
                    }
                }
                JsonNode responses = operation.get("responses");
                String success = responses.has("201") ? "201" : responses.has("202") ? "202" : responses.has("204") ? "204" : "200";
                // JSON, or for an operation that serves no plain JSON (the feed: Atom or JSON Feed), its JSON flavour.
                JsonNode content = responses.path(success).path("content");
                String json = content.has("application/json") ? "application/json" : java.util.stream.StreamSupport
                        .stream(((Iterable<String>) content::fieldNames).spliterator(), false)
                        .filter(type -> type.endsWith("+json")).findFirst().orElse("application/json");
                if (!success.equals("204") && !content.path(json).path("schema").has("$ref")) {
                    faults.add(name + " has no named " + success + " schema");
                }
                boolean documentsClientError = false;
                for (Iterator<String> statuses = responses.fieldNames(); statuses.hasNext(); ) {
                    String status = statuses.next();
                    if (status.startsWith("4") || status.startsWith("5")) {
                        documentsClientError |= status.startsWith("4");
                        String ref = responses.path(status).path("content").path("application/problem+json").path("schema")
                                .path("$ref").asText();
                        if (!ref.equals("#/components/schemas/Problem")) {
                            faults.add(name + " " + status + " is not a problem+json Problem");
                        }
                    }
                }
                if (!documentsClientError) {
                    faults.add(name + " documents no 4xx");
                }
                if (path.getKey().contains("{") && !responses.has("404")) {
                    faults.add(name + " does not document 404");
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void everySchemaHasAnExampleThatFollowsIt() throws IOException {
        JsonNode schemas = JSON.readTree(Files.readString(Path.of("openapi", "openapi.json"))).path("components").path("schemas");
        OpenAPI api = new OpenAPIV3Parser().read(SpecValidation.SPEC.toString());
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver(LevelResolver.create().build()));
        List<String> faults = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = schemas.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().has("example")) {
                faults.add(entry.getKey() + " has no example");
            }
            checkExamples(entry.getKey(), entry.getValue(), api.getComponents().getSchemas().get(entry.getKey()), validator,
                    faults);
        }
        assertThat(faults).isEmpty();
    }

    /** Validates the schema's example, and those of its inline properties, items and allOf parts, against their schemas. */
    private static void checkExamples(String name, JsonNode json, Schema<?> schema, SchemaValidator validator,
            List<String> faults) {
        if (json.has("example")) {
            JsonNode example = json.get("example");
            ValidationReport report = validator.validate(() -> example, schema, "example");
            report.getMessages().forEach(message -> faults.add(name + ": " + message.getMessage()));
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                checkExamples(name + "." + property.getKey(), json.path("properties").path(property.getKey()),
                        property.getValue(), validator, faults);
            }
        }
        if (schema.getItems() != null) {
            checkExamples(name + "[]", json.path("items"), schema.getItems(), validator, faults);
        }
        if (schema.getAllOf() != null) {
            for (int i = 0; i < schema.getAllOf().size(); i++) {
                checkExamples(name + ".allOf[" + i + "]", json.path("allOf").path(i), schema.getAllOf().get(i), validator, faults);
            }
        }
    }

    @Test
    void everyBodyIsANamedSchemaOrPlainText() throws IOException {
        JsonNode paths = JSON.readTree(Files.readString(Path.of("openapi", "openapi.json"))).path("paths");
        List<String> faults = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> pathEntries = paths.fields(); pathEntries.hasNext(); ) {
            Map.Entry<String, JsonNode> path = pathEntries.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                checkBodies(name + " request", operation.getValue().path("requestBody").path("content"), faults);
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.getValue().path("responses").fields();
                        responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    checkBodies(name + " " + response.getKey(), response.getValue().path("content"), faults);
                }
            }
        }
        findInlineObjects("paths", paths, faults);
        assertThat(faults).isEmpty();
    }

    /** JSON bodies name a component; other media types (CSV, ZIP) may be described as a plain string. */
    private static void checkBodies(String name, JsonNode content, List<String> faults) {
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = media.next();
            JsonNode schema = entry.getValue().path("schema");
            boolean named = schema.path("$ref").asText().startsWith("#/components/schemas/");
            boolean json = entry.getKey().contains("json");
            boolean plain = Set.of("string", "integer", "number", "boolean").contains(schema.path("type").asText())
                    && !schema.has("properties") && !schema.has("items");
            if (!named && (json || !plain)) {
                faults.add(name + " " + entry.getKey() + " has an unnamed schema");
            }
        }
    }

    private static void findInlineObjects(String where, JsonNode node, List<String> faults) {
        if (node.isObject()) {
            if (node.path("type").asText().equals("object") || node.has("properties")) {
                faults.add(where + " is an inline object schema");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    findInlineObjects(where + "/" + field.getKey(), field.getValue(), faults);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findInlineObjects(where + "/" + i, node.get(i), faults);
            }
        }
    }

    @Test
    void enumsAreEnums() throws IOException {
        JsonNode schemas = JSON.readTree(Files.readString(Path.of("openapi", "openapi.json"))).path("components").path("schemas");
        assertThat(schemas.path("QuoteMode").path("enum")).extracting(JsonNode::asText).containsExactly("direct", "indirect");
        assertThat(schemas.path("ParticipantRole").path("enum")).extracting(JsonNode::asText)
                .containsExactly("host", "guest", "attendee");
        assertThat(schemas.path("TextDirection").path("enum")).extracting(JsonNode::asText).containsExactly("ltr", "rtl");
        assertThat(schemas.path("SpeakerKind").path("enum")).extracting(JsonNode::asText)
                .containsExactly("person", "organization");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
