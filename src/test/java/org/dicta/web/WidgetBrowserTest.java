package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import org.dicta.support.BrowserProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The embeddable widget (widget.js) in Chromium, on its demo page and on host pages of the tests' own making, checked
 * against what the API answers. Run with {@code mvn -Pbrowser test}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@Tag("browser")
class WidgetBrowserTest extends BrowserTest {

    @Test
    void showsTheChosenQuoteInUrduWithSpeakerAndALinkToItsSource(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            page.navigate(app + "widget-demo.html");
            String id = page.locator("#demo-ur").getAttribute("data-quote");
            JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", "ur"));
            assertThat(quote.getString("lang")).isEqualTo("ur");
            Locator widget = ready(page, "#demo-ur");
            assertThat(page.evaluate("() => document.getElementById('demo-ur').shadowRoot !== null")).isEqualTo(true);

            Locator text = widget.locator("blockquote.text");
            assertThat(text.getAttribute("lang")).isEqualTo("ur");
            assertThat(text.getAttribute("dir")).isEqualTo("rtl");
            assertThat(text.evaluate("e => getComputedStyle(e).direction")).isEqualTo("rtl");
            assertThat(text.textContent()).isEqualTo(quote.getString("text")).isEqualTo(quote.getString("variants[0].text"));
            assertThat(widget.locator(".speaker").textContent()).isEqualTo(quote.getString("speaker.names.ur"));

            String publisher = quote.getString("variants[0].source.publisher");
            String headline = quote.getString("variants[0].source.headline");
            Locator link = widget.locator(".source a");
            assertThat(link.textContent()).isEqualTo(publisher != null ? publisher : headline != null ? headline : "Source document");
            String sourceView = app + "#/quotes/" + id + "/variants/" + quote.getString("variants[0].id") + "/source";
            assertThat(link.getAttribute("href")).isEqualTo(sourceView);

            // The link leads to the explorer with the quoted words marked in the source.
            page.navigate(sourceView);
            PlaywrightAssertions.assertThat(page.locator(".source-text mark.span")).hasText(quote.getString("text"));
        });
    }

    @Test
    void demoWidgetsShowArabicAndEnglishQuotesAndTakeTheHostsTheme(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            page.navigate(app + "widget-demo.html");
            for (String[] demo : List.of(new String[] {"#demo-ar", "ar", "rtl"}, new String[] {"#demo-en", "en", "ltr"})) {
                String id = page.locator(demo[0]).getAttribute("data-quote");
                JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", demo[1]));
                Locator text = ready(page, demo[0]).locator("blockquote.text");
                assertThat(text.getAttribute("lang")).isEqualTo(demo[1]);
                assertThat(text.getAttribute("dir")).isEqualTo(demo[2]);
                assertThat(text.textContent()).isEqualTo(quote.getString("text"));
                assertThat(page.locator(demo[0] + " .speaker").textContent())
                        .isEqualTo(quote.getString("speaker.names." + demo[1]));
            }
            // The English demo sets --dicta-background on the host element; the Urdu one keeps the default.
            assertThat(page.locator("#demo-en .frame").evaluate("e => getComputedStyle(e).backgroundColor"))
                    .isEqualTo("rgb(251, 247, 239)");
            assertThat(page.locator("#demo-ur .frame").evaluate("e => getComputedStyle(e).backgroundColor"))
                    .isEqualTo("rgb(255, 255, 255)");
        });
    }

    @Test
    void randomQuoteIsOneTheApiHasInTheChosenLanguage(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            page.navigate(app + "widget-demo.html");
            assertThat(page.locator("#demo-random").getAttribute("data-quote")).isNull();
            String lang = page.locator("#demo-random").getAttribute("data-lang");
            Locator widget = ready(page, "#demo-random");
            String id = widget.locator("figure.quote").getAttribute("data-quote-id");
            JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", lang));
            assertThat(quote.getString("lang")).isEqualTo(lang);
            assertThat(widget.locator("blockquote.text").getAttribute("lang")).isEqualTo(lang);
            assertThat(widget.locator("blockquote.text").getAttribute("dir")).isEqualTo("rtl");
            assertThat(quote.getList("variants.text", String.class)).contains(widget.locator("blockquote.text").textContent());
        });
    }

    @Test
    void findsTheApiFromItsOwnAddressWhereverTheHostPageIs(TestInfo info) throws Exception {
        String id = api("/api/v1/quotes", Map.of("lang", "ur", "limit", 1)).getString("items[0].id");
        chromium.test(info, app, page -> {
            String host = app + "embedding/deep/page.html";
            serve(page, host, """
                    <div class="dicta-quote" id="chosen" data-quote="%s" data-lang="ur"></div>
                    <div class="dicta-quote" id="random" data-lang="en"></div>
                    <script src="../../widget.js" async></script>""".formatted(id));
            page.navigate(host);
            JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", "ur"));
            assertThat(ready(page, "#chosen").locator("blockquote.text").textContent()).isEqualTo(quote.getString("text"));
            Locator random = ready(page, "#random");
            JsonPath drawn = api("/api/v1/quotes/" + random.locator("figure.quote").getAttribute("data-quote-id"),
                    Map.of("lang", "en"));
            assertThat(drawn.getList("variants.text", String.class)).contains(random.locator("blockquote.text").textContent());
            assertThat(random.locator("blockquote.text").getAttribute("dir")).isEqualTo("ltr");
        });
    }

    @Test
    void worksOnAnotherSitesPageThroughCors(TestInfo info) throws Exception {
        String id = api("/api/v1/quotes", Map.of("lang", "ur", "limit", 1)).getString("items[0].id");
        String dicta = app.getProtocol() + "://" + app.getAuthority();
        String article = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>A news site</title></head>
                <body><p>Our report.</p>
                <div class="dicta-quote" id="embedded" data-quote="%s" data-lang="ur"></div>
                <script src="%s/widget.js" async></script></body></html>""".formatted(id, dicta);
        // A news site of its own, really served (a page Playwright fulfils would count as a public address, from which
        // Chromium refuses loopback requests): another origin, 127.0.0.1 on another port, with a strict policy.
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/news/article.html", exchange -> {
            byte[] body = article.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'; script-src " + dicta
                    + "; style-src " + dicta + "; connect-src " + dicta);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();
        try {
            chromium.testUnrouted(info, app, page -> {
                List<String> origins = new CopyOnWriteArrayList<>();
                page.onRequest(request -> {
                    if (request.url().startsWith(dicta + "/api/")) {
                        origins.add(String.valueOf(request.headerValue("origin")));
                    }
                });
                page.navigate(origin + "/news/article.html");
                JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", "ur"));
                Locator widget = ready(page, "#embedded");
                assertThat(widget.getAttribute("data-dicta-state")).isEqualTo("ready");
                assertThat(widget.locator("blockquote.text").textContent()).isEqualTo(quote.getString("text"));
                assertThat(widget.locator("blockquote.text").getAttribute("dir")).isEqualTo("rtl");
                // Quotation marks around the speaker's own words only, never around reported speech.
                boolean direct = quote.getString("variants[0].mode").equals("direct");
                Object marks = widget.locator("blockquote.text")
                        .evaluate("element => getComputedStyle(element, '::before').content");
                if (direct) {
                    assertThat(String.valueOf(marks)).as("opening mark of direct speech").isEqualTo("open-quote");
                } else {
                    assertThat(String.valueOf(marks)).as("no mark around reported speech").isEqualTo("none");
                }
                assertThat(origins).as("the widget's API requests were cross-origin").isNotEmpty().containsOnly(origin);
            });
        } finally {
            site.stop(0);
        }
    }

    @Test
    void saysSoInWordsWhenThereIsNothingToShow(TestInfo info) throws Exception {
        JsonPath all = api("/api/v1/quotes", Map.of("lang", "all", "limit", 100));
        String withoutUrdu = null;
        for (int i = 0; i < all.getList("items").size() && withoutUrdu == null; i++) {
            if (!all.getList("items[" + i + "].variants.lang", String.class).contains("ur")) {
                withoutUrdu = all.getString("items[" + i + "].id");
            }
        }
        assertThat(withoutUrdu).as("a seed quote with no Urdu variant").isNotNull();
        String speakerWithoutUrdu = null;
        for (String speaker : api("/api/v1/speakers", Map.of("limit", 100)).getList("items.id", String.class)) {
            if (api("/api/v1/quotes", Map.of("speaker", speaker, "lang", "ur")).getList("items").isEmpty()) {
                speakerWithoutUrdu = speaker;
            }
        }
        assertThat(speakerWithoutUrdu).as("a seed speaker with no quote in Urdu").isNotNull();
        given().queryParam("speaker", speakerWithoutUrdu).queryParam("lang", "ur")
                .when().get("/api/v1/quotes/random").then().statusCode(404);
        String missing = given().when().get("/api/v1/quotes/no-such-quote").then().statusCode(404).extract().path("detail");

        String quoteId = withoutUrdu;
        String speakerId = speakerWithoutUrdu;
        chromium.test(info, app, List.of("status of 404"), page -> {
            String host = app + "embedding/errors.html";
            serve(page, host, """
                    <div class="dicta-quote" id="no-urdu" data-quote="%s" data-lang="ur"></div>
                    <div class="dicta-quote" id="no-random" data-speaker="%s" data-lang="ur"></div>
                    <div class="dicta-quote" id="unknown" data-quote="no-such-quote"></div>
                    <script src="/widget.js" async></script>""".formatted(quoteId, speakerId));
            page.navigate(host);
            assertThat(settled(page, "#no-urdu", "error").locator(".message").textContent())
                    .isEqualTo("This quote has no Urdu version.");
            assertThat(settled(page, "#no-random", "error").locator(".message").textContent())
                    .isEqualTo("No quote in Urdu yet.");
            assertThat(settled(page, "#unknown", "error").locator(".message").textContent()).isEqualTo(missing);
            assertThat(page.locator(".dicta-quote blockquote").count()).isZero();
        });
    }

    @Test
    void markupInAQuoteIsShownAsText(TestInfo info) throws Exception {
        MarkupQuote.ensure();
        chromium.test(info, app, page -> {
            String host = app + "embedding/markup.html";
            serve(page, host, """
                    <div class="dicta-quote" id="markup" data-quote="%s" data-lang="en"></div>
                    <script src="/widget.js" async></script>""".formatted(MarkupQuote.ID));
            page.navigate(host);
            Locator widget = ready(page, "#markup");
            assertThat(widget.locator("blockquote.text").textContent()).isEqualTo(MarkupQuote.TEXT);
            PlaywrightAssertions.assertThat(widget.locator("blockquote.text")).hasText(MarkupQuote.TEXT);
            assertThat(widget.locator("b, i, img, script").count()).isZero();
            assertThat(page.evaluate("() => document.getElementById('markup').shadowRoot.querySelectorAll('b, img').length"))
                    .isEqualTo(0);
            assertThat(page.evaluate("() => typeof window.__xss")).isEqualTo("undefined");
        });
    }

    @Test
    void demoPageShowsTheSnippetAsText(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            page.navigate(app + "widget-demo.html");
            Locator snippet = page.locator("#snippet");
            assertThat(snippet.textContent()).isEqualTo(
                    "<div class=\"dicta-quote\" data-quote=\"khamenei-neutralise-sanctions-weapon\" data-lang=\"ur\"></div>\n"
                            + "<script src=\"" + app + "widget.js\" async></script>");
            assertThat(snippet.locator("*").count()).isZero();
            ready(page, "#demo-ur");
        });
    }

    // ---- helpers ----

    /** The widget in the host element once it shows a quote. */
    private static Locator ready(Page page, String host) {
        return settled(page, host, "ready");
    }

    private static Locator settled(Page page, String host, String state) {
        Locator element = page.locator(host);
        PlaywrightAssertions.assertThat(element).hasAttribute("data-dicta-state",
                java.util.regex.Pattern.compile("ready|error"));
        assertThat(element.getAttribute("data-dicta-state")).as("state of %s", host).isEqualTo(state);
        return element;
    }

    /** Serves a host page of the test's making at {@code url}, under the Content-Security-Policy of the application. */
    private static void serve(Page page, String url, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Host page</title></head>
                <body>%s</body></html>""".formatted(body);
        page.route(url, route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200)
                .setHeaders(Map.of("content-type", "text/html; charset=utf-8",
                        "content-security-policy", Chromium.CONTENT_SECURITY_POLICY))
                .setBody(html)));
    }

}
