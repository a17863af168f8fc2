package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every error, whatever its cause, reaches the client as RFC 9457 problem details and never as a stack trace or HTML. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/statements")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/statements"))
                .body("detail", containsString("/q/openapi"));
        given().when().get("/no/such/page")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIsAProblem() {
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/languages")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405))
                .body("title", equalTo("Method Not Allowed"));
        given().when().delete("/api/v1/languages")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void unacceptableMediaTypeIsAProblem() {
        given().accept("text/html")
                .when().get("/api/v1/quotes")
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("status", equalTo(406))
                .body("detail", containsString("text/html"));
    }

    @Test
    void unexpectedFailureIsAProblemWithoutInternals() {
        String body = given().when().get("/test-support/failure")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("status", equalTo(500))
                .body("title", equalTo("Internal Server Error"))
                .body("detail", containsString("reference"))
                .body("detail", not(containsString("secret")))
                .extract().asString();
        assertThat(body).doesNotContain("IllegalStateException").doesNotContain("at org.").doesNotContain("jdbc");
    }

    @Test
    void restTestsAreValidatedAgainstTheCommittedSpec() {
        assertThat(SpecValidation.installed()).isTrue();
    }
}
