package org.dicta.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.support.EditingProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;

/** Every write operation in the spec refuses anonymous callers, bad tokens and missing roles, before touching anything. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class WriteAuthorizationTest {

    private record Write(String method, String path, String contentType, boolean adminOnly) {
    }

    private static List<Write> writes() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json"))).get("paths");
        List<Write> writes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("get")) {
                    continue;
                }
                JsonNode body = op.getValue().path("requestBody").path("content");
                String contentType = body.fieldNames().hasNext() ? body.fieldNames().next() : null;
                writes.add(new Write(op.getKey().toUpperCase(), path.getKey().replace("{id}", "khamenei-north-south-corridor").replace("{variantId}", "1").replace("{deliveryId}", "1"),
                        contentType, op.getValue().path("summary").asText().contains("(admins)")));
            }
        }
        return writes;
    }

    @Test
    void everyWriteNeedsAValidTokenWithTheRightRole() throws Exception {
        List<Write> writes = writes();
        assertThat(writes).extracting(Write::method).contains("POST", "PUT", "PATCH", "DELETE");
        assertThat(writes).hasSizeGreaterThanOrEqualTo(14);
        for (Write write : writes) {
            for (String token : new String[] {null, EditorTokens.expired("x"), EditorTokens.signedByAnotherKey("x"),
                    EditorTokens.fromOtherIssuer("x")}) {
                var request = given();
                if (token != null) {
                    request.auth().oauth2(token);
                }
                if (write.contentType() != null) {
                    request.contentType(write.contentType()).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                request.header("If-Match", "*").when().request(write.method(), write.path())
                        .then().statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", containsString("Bearer"));
            }
            var noRole = given().auth().oauth2(EditorTokens.withRoles("reader", Set.of("reader"))).header("If-Match", "*");
            if (write.contentType() != null) {
                noRole.contentType(write.contentType()).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            noRole.when().request(write.method(), write.path()).then().statusCode(403).contentType("application/problem+json");
            if (write.adminOnly()) {
                var editor = given().auth().oauth2(EditorTokens.editor("desk")).header("If-Match", "*");
                if (write.contentType() != null) {
                    editor.contentType(write.contentType()).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                editor.when().request(write.method(), write.path()).then().statusCode(403);
            }
        }
        // Nothing was changed by any of them.
        given().when().get("/api/v1/quotes/khamenei-north-south-corridor").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.startsWith("\"0-t"));
        given().when().get("/api/v1/quotes/khamenei-north-south-corridor/revisions").then().body("items", org.hamcrest.Matchers.empty());
    }
}
