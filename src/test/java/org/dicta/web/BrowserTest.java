package org.dicta.web;

import static io.restassured.RestAssured.given;

import com.microsoft.playwright.Page;
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

    /** Opens the explorer at this route (a hash, or "" for the latest quotes) and waits for its view. */
    void open(Page page, String hash) {
        page.navigate(app + hash);
        awaitView(page);
    }

    /** Waits until the explorer's result list shows the current route and no request is under way. */
    static void awaitView(Page page) {
        page.waitForFunction("""
                () => { const list = document.getElementById('results');
                        return list.getAttribute('aria-busy') === 'false' && list.dataset.view === location.hash; }""");
    }

    /** What the API answers a reader for this path and these parameters (200 expected). */
    static JsonPath api(String path, Map<String, ?> params) {
        return given().queryParams(params).when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
