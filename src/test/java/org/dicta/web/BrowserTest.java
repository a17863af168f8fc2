package org.dicta.web;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the browser test classes share: one Chromium per class, the application's address, the same corpus before
 * every test (the seeds plus the quote made of markup, whichever test runs first), and the API's own answer to compare
 * a page with.
 */
abstract class BrowserTest {

    static Chromium chromium;

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @BeforeEach
    void corpus() {
        MarkupQuote.ensure();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** What the API answers a reader for this path and these parameters (200 expected). */
    static JsonPath api(String path, Map<String, ?> params) {
        return given().queryParams(params).when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
