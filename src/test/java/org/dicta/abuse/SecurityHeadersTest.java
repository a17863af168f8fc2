package org.dicta.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void swaggerUiRunsOnlyItsOwnScriptsAndCannotBeFramed() throws Exception {
        Response response = given().when().get("/q/swagger-ui/");
        assertThat(response.statusCode()).isEqualTo(200);
        String policy = response.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        String scripts = policy.replaceAll(".*script-src ([^;]*).*", "$1");
        assertThat(scripts).doesNotContain("unsafe-inline", "unsafe-eval");
        // Each inline script of the page is allowed by its hash; when the page changes, this says which to allow.
        Matcher inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(response.asString());
        int count = 0;
        while (inline.find()) {
            String hash = "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(inline.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
            assertThat(scripts).as("script-src in application.properties must allow the page's inline script by %s:%n%s", hash, inline.group(1))
                    .contains(hash);
            count++;
        }
        assertThat(count).isPositive();
        // No version banner: Quarkus's default title names its version.
        assertThat(response.asString()).doesNotContain("Quarkus");
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
