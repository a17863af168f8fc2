package org.dicta.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators of several instances watch: liveness, readiness with the database, and Prometheus metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readsTellCachesToRevalidateAndErrorsAndRandomPicksAreNotCached() {
        String etag = given().when().get("/api/v1/quotes/khamenei-north-south-corridor")
                .then().statusCode(200)
                .header("Cache-Control", equalTo("public, no-cache"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/quotes/khamenei-north-south-corridor")
                .then().statusCode(304)
                .header("Cache-Control", equalTo("public, no-cache"));
        given().when().get("/api/v1/speakers").then().statusCode(200).header("Cache-Control", equalTo("public, no-cache"));
        given().when().get("/api/v1/quotes/random").then().statusCode(200).header("Cache-Control", containsString("no-store"));
        given().when().get("/api/v1/quotes/no-such-quote").then().statusCode(404).header("Cache-Control", nullValue());
    }

    @Test
    void metricsCountRequestsPerEndpointAndWatchThePool() {
        given().when().get("/api/v1/quotes/khamenei-north-south-corridor").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/api/v1/quotes/{id}\"}"))
                .body(containsString("agroal_active_count{datasource=\"default\"}"));
    }
}
