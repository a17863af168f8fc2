package org.dicta.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The headers that keep browsers from misreading Dicta's answers, and its pages from running anyone else's code. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesAllowOnlyTheirOwnScriptsAndStylesAndCannotBeFramed() {
        for (String page : new String[] {"/", "/index.html", "/widget-demo.html"}) {
            Response response = given().when().get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            String policy = response.header("Content-Security-Policy");
            assertThat(policy).as(page).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    @Test
    void apiAnswersAreNotSniffedAndNameNoServer() {
        for (String path : new String[] {"/api/v1/languages", "/api/v1/quotes/khamenei-north-south-corridor",
                "/api/v1/quotes/no-such-quote", "/widget.js"}) {
            for (int round = 0; round < 2; round++) { // the second quote read is a hit of the response cache
                Response response = given().when().get(path);
                assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
                assertThat(response.header("Server")).as(path).isNull();
                assertThat(response.header("X-Powered-By")).as(path).isNull();
            }
        }
    }
}
