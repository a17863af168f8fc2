package org.dicta.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.ViewportSize;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;

/**
 * Debian's Chromium driven by Playwright for the browser tests: one browser per test class, a fresh context per test,
 * the Content-Security-Policy the application is meant to serve added to every page of the application (so that an
 * inline script, handler or style attribute shows up as a console error), and a full-page screenshot under
 * target/playwright for every failed test.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";
    static final Path SCREENSHOTS = Paths.get("target", "playwright");

    /** What a test does with its page; may throw, so that assertions and Playwright errors fail the test alike. */
    @FunctionalInterface
    interface Body {
        void run(Page page) throws Exception;
    }

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches Chromium; fails (never skips) when it is not installed. */
    static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("The browser tests need Chromium at " + EXECUTABLE + " (apt-get install chromium)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * Runs a test body in a fresh page of the application at {@code app}; fails it when the page logged an error
     * (a script error, a CSP violation, a failed request) that the test did not expect, and saves a screenshot of the
     * page when it failed.
     */
    void test(TestInfo info, URL app, Body body) throws Exception {
        test(info, app, List.of(), body);
    }

    /** As {@link #test(TestInfo, URL, Body)}, tolerating console errors that contain one of {@code expectedErrors}. */
    void test(TestInfo info, URL app, List<String> expectedErrors, Body body) throws Exception {
        test(info, app, expectedErrors, true, body);
    }

    /**
     * As {@link #test(TestInfo, URL, Body)}, but the application's responses reach the page untouched: no policy added,
     * and no interception, which would also answer CORS preflights and add CORS headers on Playwright's own.
     */
    void testUnrouted(TestInfo info, URL app, Body body) throws Exception {
        test(info, app, List.of(), false, body);
    }

    private void test(TestInfo info, URL app, List<String> expectedErrors, boolean routed, Body body) throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(new ViewportSize(1280, 900))
                .setLocale("en-GB")
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        String origin = app.getProtocol() + "://" + app.getAuthority();
        if (routed) {
            context.route(url -> url.startsWith(origin + "/"), route -> withContentSecurityPolicy(route));
        }
        Page page = context.newPage();
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && expectedErrors.stream().noneMatch(message.text()::contains)) {
                errors.add(message.text());
            }
        });
        page.onPageError(error -> errors.add("uncaught: " + error));
        try {
            body.run(page);
            if (!errors.isEmpty()) {
                throw new AssertionError("The page logged errors: " + errors);
            }
        } catch (Exception | AssertionError e) {
            screenshot(info, page);
            throw e;
        } finally {
            context.close();
        }
    }

    private static void withContentSecurityPolicy(Route route) {
        var response = route.fetch();
        Map<String, String> headers = new HashMap<>(response.headers());
        if (headers.getOrDefault("content-type", "").startsWith("text/html")) {
            headers.put("content-security-policy", CONTENT_SECURITY_POLICY);
        }
        route.fulfill(new Route.FulfillOptions().setResponse(response).setHeaders(headers));
    }

    private static void screenshot(TestInfo info, Page page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = info.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
                    + info.getTestMethod().map(m -> m.getName()).orElse("method") + ".png";
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name)));
        } catch (Exception e) {
            System.err.println("No screenshot of the failed test " + info.getDisplayName() + ": " + e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
