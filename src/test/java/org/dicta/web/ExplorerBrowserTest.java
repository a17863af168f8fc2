package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dicta.support.BrowserProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The explorer at / in Chromium, checked against what the API answers for the same requests: search in four scripts,
 * filters, paging, variants' language and direction, the source highlight, permalinks, citations, error messages,
 * safe rendering of markup, keyboard use and accessibility basics. Run with {@code mvn -Pbrowser test}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@Tag("browser")
class ExplorerBrowserTest extends BrowserTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]{5,}");

    @Test
    void searchInEachScriptShowsTheQuotesTheApiFinds(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            open(page, "");
            for (String lang : List.of("ar", "fa", "ur", "en")) {
                String word = wordFrom(lang);
                JsonPath expected = api("/api/v1/quotes", Map.of("q", word, "lang", "all", "limit", 20));
                page.fill("#q", word);
                page.click("button[type=submit]");
                awaitView(page);
                assertThat(shownQuoteIds(page)).as("quotes found by %s (%s)", word, lang)
                        .isNotEmpty()
                        .containsExactlyElementsOf(expected.getList("items.id", String.class));
                assertVariantsAsTheApiGivesThem(page.locator("article.quote").first(), expected, "items[0].");
                long matchingVariantsInLang = expected.getList("items.variants.flatten()", Map.class).stream()
                        .filter(v -> lang.equals(v.get("lang")) && !((List<?>) v.get("highlights")).isEmpty())
                        .count();
                assertThat(matchingVariantsInLang).as("API matches of %s in %s", word, lang).isPositive();
                assertThat(page.locator("section.variant[lang=" + lang + "]:has(mark.hit)").count())
                        .isEqualTo((int) matchingVariantsInLang);
            }
        });
    }

    @Test
    void filtersComeFromTheApiAndNarrowTheQuotesAsTheApiDoes(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            open(page, "");
            assertThat(optionValues(page, "#speaker")).containsExactlyElementsOf(
                    withAny(api("/api/v1/speakers", Map.of("lang", "all", "limit", 100)).getList("items.id", String.class)));
            assertThat(optionValues(page, "#meeting")).containsExactlyElementsOf(
                    withAny(api("/api/v1/meetings", Map.of("lang", "all", "limit", 100)).getList("items.id", String.class)));
            assertThat(optionValues(page, "#topic")).containsExactlyElementsOf(
                    withAny(api("/api/v1/topics", Map.of("lang", "all", "limit", 100)).getList("items.id", String.class)));
            assertThat(optionValues(page, "#lang")).containsExactlyElementsOf(
                    withAny(api("/api/v1/languages", Map.of()).getList("items.code", String.class)));

            JsonPath sample = api("/api/v1/quotes", Map.of("lang", "ur", "limit", 1));
            Map<String, Object> filters = new LinkedHashMap<>();
            filters.put("speaker", sample.getString("items[0].speaker.id"));
            filters.put("meeting", sample.getString("items[0].meeting.id"));
            filters.put("lang", "ur");
            filters.put("topic", sample.getString("items[0].topics[0].id"));
            filters.put("from", sample.getString("items[0].meeting.date"));
            filters.put("to", sample.getString("items[0].meeting.date"));
            for (String select : List.of("speaker", "meeting", "lang", "topic")) {
                page.selectOption("#" + select, (String) filters.get(select));
            }
            page.fill("#from", (String) filters.get("from"));
            page.fill("#to", (String) filters.get("to"));
            page.click("button[type=submit]");
            awaitView(page);

            filters.put("limit", 20);
            JsonPath expected = api("/api/v1/quotes", filters);
            assertThat(shownQuoteIds(page)).isNotEmpty().containsExactlyElementsOf(expected.getList("items.id", String.class));
            assertThat(page.locator("section.variant").evaluateAll("els => els.map(e => e.lang)"))
                    .asInstanceOf(LIST)
                    .isNotEmpty().containsOnly("ur");
            assertThat(page.locator("#status").textContent())
                    .isEqualTo(expected.getList("items").size() + (expected.getList("items").size() == 1 ? " quote" : " quotes")
                            + " shown" + (expected.getString("next") == null ? "." : ", more available."));
        });
    }

    @Test
    void moreFollowsTheApiCursor(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            open(page, "");
            JsonPath first = api("/api/v1/quotes", Map.of("lang", "all", "limit", 20));
            assertThat(shownQuoteIds(page)).containsExactlyElementsOf(first.getList("items.id", String.class));
            String next = first.getString("next");
            assertThat(next).as("the seed corpus has more than one page of quotes").isNotNull();
            JsonPath second = given().when().get(next).then().statusCode(200).extract().jsonPath();
            List<String> expected = new ArrayList<>(first.getList("items.id", String.class));
            expected.addAll(second.getList("items.id", String.class));

            page.click("#more");
            PlaywrightAssertions.assertThat(page.locator("article.quote")).hasCount(expected.size());
            assertThat(shownQuoteIds(page)).containsExactlyElementsOf(expected);
            assertThat(page.locator("#more").isVisible()).isEqualTo(second.getString("next") != null);
        });
    }

    @Test
    void variantsCarryTheirLanguageDirectionAndScriptFont(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            String id = quoteInAllFourLanguages();
            open(page, "#/quotes/" + id);
            JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", "all"));
            Map<String, String> directions = directions();
            Locator article = page.locator("article.quote");
            assertThat(article.getAttribute("data-quote-id")).isEqualTo(id);
            assertThat(article.locator("h3.speaker").textContent()).isEqualTo(quote.getString("speaker.names.en"));
            assertVariantsAsTheApiGivesThem(article, quote, "");
            List<Map<String, Object>> variants = quote.getList("variants");
            for (int i = 0; i < variants.size(); i++) {
                String lang = (String) variants.get(i).get("lang");
                Locator text = article.locator("section.variant").nth(i).locator("blockquote.variant-text");
                assertThat(text.getAttribute("dir")).isEqualTo(directions.get(lang));
                assertThat(text.evaluate("e => getComputedStyle(e).direction")).isEqualTo(directions.get(lang));
                String font = (String) text.evaluate("e => getComputedStyle(e).fontFamily");
                switch (lang) {
                    case "ur" -> assertThat(font).startsWith("\"Noto Nastaliq Urdu\"");
                    case "ar" -> assertThat(font).startsWith("\"Noto Naskh Arabic\"");
                    case "fa" -> assertThat(font).contains("Vazirmatn", "Noto Naskh Arabic");
                    default -> assertThat(font).doesNotContain("Nastaliq");
                }
                assertThat(article.locator("section.variant").nth(i).locator(".mode").textContent())
                        .startsWith((String) variants.get(i).get("mode"));
            }
            assertThat(directions).containsEntry("ar", "rtl").containsEntry("fa", "rtl").containsEntry("ur", "rtl")
                    .containsEntry("en", "ltr");
        });
    }

    @Test
    void showInSourceMarksExactlyTheVariantsSpan(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            String id = quoteInAllFourLanguages();
            open(page, "#/quotes/" + id);
            JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", "all"));
            Map<String, String> directions = directions();
            List<Map<String, Object>> variants = quote.getList("variants");
            for (int i = 0; i < variants.size(); i++) {
                Locator section = page.locator("section.variant").nth(i);
                section.locator("button.show-source").click();
                assertSourceHighlight(section, quote, "variants[" + i + "].", directions);
            }

            // The route of one variant's source opens it at once.
            Object urduId = variants.stream().filter(v -> "ur".equals(v.get("lang"))).findFirst().orElseThrow().get("id");
            int urdu = quote.getList("variants.id").indexOf(urduId);
            open(page, "#/quotes/" + id + "/variants/" + urduId + "/source");
            assertSourceHighlight(page.locator("section.variant[data-variant-id=\"" + urduId + "\"]"), quote,
                    "variants[" + urdu + "].", directions);
        });
    }

    @Test
    void permalinkOpensTheQuoteAndCopyCitationNamesSpeakerTextSourceDateAndUrl(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            String id = quoteInAllFourLanguages();
            page.navigate(app + "?quote=" + id);
            awaitView(page);
            assertThat(page.url()).endsWith("#/quotes/" + id);
            assertThat(shownQuoteIds(page)).containsExactly(id);

            open(page, "#/search?q=" + wordFrom("en"));
            open(page, "#/quotes/" + id);
            assertThat(shownQuoteIds(page)).containsExactly(id);
            assertThat(page.locator("article.quote a.permalink").getAttribute("href")).isEqualTo("#/quotes/" + id);

            JsonPath quote = api("/api/v1/quotes/" + id, Map.of("lang", "ur"));
            Locator urdu = page.locator("section.variant[lang=ur]").first();
            urdu.locator("button.copy-citation").click();
            PlaywrightAssertions.assertThat(urdu.locator(".copy-status")).hasText("Citation copied.");
            String citation = (String) page.evaluate("() => navigator.clipboard.readText()");
            assertThat(citation).contains(quote.getString("speaker.names.ur"), quote.getString("text"),
                    quote.getString("meeting.date"), app + "#/quotes/" + id);
            assertThat(citation).contains("Dicta source " + quote.getString("variants[0].source.id"));
            for (String field : List.of("publisher", "headline", "date")) {
                String value = quote.getString("variants[0].source." + field);
                if (value != null) {
                    assertThat(citation).contains(value);
                }
            }
        });
    }

    @Test
    void keyboardAloneSearchesAndOpensAPermalink(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            open(page, "");
            tabUntil(page, "document.activeElement.id === 'q'", 20);
            assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
            String word = wordFrom("ur");
            page.keyboard().type(word);
            page.keyboard().press("Enter");
            awaitView(page);
            List<String> expected = api("/api/v1/quotes", Map.of("q", word, "lang", "all", "limit", 20))
                    .getList("items.id", String.class);
            assertThat(shownQuoteIds(page)).isNotEmpty().containsExactlyElementsOf(expected);

            tabUntil(page, "document.activeElement.classList.contains('permalink')", 100);
            assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
            page.keyboard().press("Enter");
            page.waitForURL("**#/quotes/" + expected.get(0));
            awaitView(page);
            assertThat(shownQuoteIds(page)).containsExactly(expected.get(0));
        });
    }

    @Test
    void apiErrorsAreShownInWords(TestInfo info) throws Exception {
        chromium.test(info, app, List.of("status of 400", "status of 404"), page -> {
            open(page, "");
            page.fill("#from", "2023-04-01");
            page.fill("#to", "2023-03-01");
            page.click("button[type=submit]");
            awaitView(page);
            String detail = given().queryParam("from", "2023-04-01").queryParam("to", "2023-03-01")
                    .queryParam("lang", "all").queryParam("limit", 20)
                    .when().get("/api/v1/quotes")
                    .then().statusCode(400).extract().path("detail");
            PlaywrightAssertions.assertThat(page.locator("#error")).isVisible();
            assertThat(page.locator("#error").textContent()).isEqualTo(detail);
            assertThat(page.locator("#error").getAttribute("role")).isEqualTo("alert");
            assertThat(page.locator("article.quote").count()).isZero();

            open(page, "#/quotes/no-such-quote");
            String missing = given().when().get("/api/v1/quotes/no-such-quote").then().statusCode(404).extract().path("detail");
            assertThat(page.locator("#error").textContent()).isEqualTo(missing);

            // A hand-edited link with a malformed escape is looked up as written, not a script error.
            open(page, "#/quotes/no-such-%E0%A4");
            String malformed = given().urlEncodingEnabled(true).when().get("/api/v1/quotes/{id}", "no-such-%E0%A4")
                    .then().statusCode(404).extract().path("detail");
            assertThat(page.locator("#error").textContent()).isEqualTo(malformed);
        });
    }

    @Test
    void markupInAQuoteIsShownAsText(TestInfo info) throws Exception {
        MarkupQuote.ensure();
        chromium.test(info, app, page -> {
            open(page, "#/quotes/" + MarkupQuote.ID);
            Locator article = page.locator("article.quote");
            assertThat(article.locator("blockquote.variant-text").textContent()).isEqualTo(MarkupQuote.TEXT);
            PlaywrightAssertions.assertThat(article.locator("blockquote.variant-text")).hasText(MarkupQuote.TEXT);
            assertThat(article.locator("cite.headline").textContent()).isEqualTo(MarkupQuote.HEADLINE);
            article.locator("button.show-source").click();
            Locator mark = article.locator(".source-text mark.span");
            PlaywrightAssertions.assertThat(mark).hasText(MarkupQuote.TEXT);
            assertThat(article.locator("b, i, img, script:not([src])").count()).isZero();
            assertThat(page.evaluate("() => typeof window.__xss")).isEqualTo("undefined");
        });
    }

    @Test
    void swaggerUiWorksUnderThePolicyTheApplicationServesIt(TestInfo info) throws Exception {
        // Unrouted: the page gets the application's own Content-Security-Policy; a violation is a console error.
        chromium.testUnrouted(info, app, page -> {
            page.navigate(app + "q/swagger-ui/");
            Locator operation = page.locator(".opblock-summary-path[data-path='/api/v1/quotes/{id}']").first();
            PlaywrightAssertions.assertThat(operation).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
            assertThat(page.title()).isEqualTo("Dicta API");
            assertThat(page.locator("#swaggerUiLogoLink").count()).isEqualTo(1); // the page's second inline script ran
        });
    }

    @Test
    void everyControlIsLabelledAndThePageIsFreeOfInlineCodeAndLowContrast(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            open(page, "#/search?q=" + wordFrom("ar"));
            page.locator("button.show-source").first().click();
            PlaywrightAssertions.assertThat(page.locator(".source-text mark.span").first()).isVisible();

            assertThat(page.evaluate("""
                    () => [...document.querySelectorAll('input, select, textarea')]
                        .filter(c => !c.labels || c.labels.length === 0 || !c.labels[0].textContent.trim())
                        .map(c => c.id || c.name || c.outerHTML)""")).asInstanceOf(LIST).isEmpty();
            assertThat(page.locator("header").count()).isPositive();
            assertThat(page.locator("main").count()).isEqualTo(1);
            assertThat(page.locator("nav").count()).isPositive();
            assertThat(page.locator("#status").getAttribute("aria-live")).isEqualTo("polite");
            assertThat(page.evaluate("""
                    () => [...document.querySelectorAll('[role=button], [onclick], a:not([href])')].length""")).isEqualTo(0);
            assertThat(page.evaluate("""
                    () => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                        .filter(a => a.name.startsWith('on') || a.name === 'style')
                        .map(a => e.tagName + ' ' + a.name))""")).asInstanceOf(LIST).isEmpty();
            assertThat(page.locator("script:not([src])").count()).isZero();
            assertThat(page.locator("style").count()).isZero();

            List<String> selectors = List.of("body", "label", "input", "select", "#status", ".site-header nav a",
                    "button[type=submit]", "button.secondary", ".feed-link", ".speaker-link", ".quote-meta", ".topics li", ".topic-link", ".variant-label",
                    ".mode-direct, .mode-indirect", ".variant-text", ".variant-speaker", ".variant-source", ".source-link",
                    "button.show-source", "mark.hit", ".source-info", ".source-text", ".source-text mark.span",
                    ".quote-footer", ".permalink", ".site-footer", ".site-footer a", ".error");
            assertThat(page.evaluate(CONTRAST_BELOW_4_5, selectors)).asInstanceOf(LIST).isEmpty();
        });
    }

    // ---- helpers ----

    /** Selectors whose first element has a contrast ratio below 4.5:1 with its background (WCAG 2 formula). */
    private static final String CONTRAST_BELOW_4_5 = """
            selectors => {
                const rgb = c => c.match(/[\\d.]+/g).map(Number);
                const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
                const background = element => {
                    for (let e = element; e; e = e.parentElement) {
                        const c = rgb(getComputedStyle(e).backgroundColor);
                        if (c.length < 4 || c[3] > 0) return c;
                    }
                    return [255, 255, 255];
                };
                const failures = [];
                for (const selector of selectors) {
                    const element = document.querySelector(selector);
                    if (!element) { failures.push(selector + ': no such element'); continue; }
                    const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))];
                    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                    if (ratio < 4.5) failures.push(selector + ': ' + ratio.toFixed(2));
                }
                return failures;
            }""";

    private static void tabUntil(Page page, String condition, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(page.evaluate("() => " + condition))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached an element where " + condition);
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownQuoteIds(Page page) {
        return (List<String>) page.locator("article.quote").evaluateAll("els => els.map(e => e.dataset.quoteId)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> optionValues(Page page, String select) {
        return (List<String>) page.locator(select + " option").evaluateAll("els => els.map(e => e.value)");
    }

    private static List<String> withAny(List<String> values) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(values);
        return all;
    }


    private static Map<String, String> directions() {
        JsonPath languages = api("/api/v1/languages", Map.of());
        Map<String, String> directions = new LinkedHashMap<>();
        List<String> codes = languages.getList("items.code", String.class);
        List<String> dirs = languages.getList("items.direction", String.class);
        for (int i = 0; i < codes.size(); i++) {
            directions.put(codes.get(i), dirs.get(i));
        }
        return directions;
    }

    /** The first 5-letter word of the quotes the API has in that language. */
    private static String wordFrom(String lang) {
        for (String text : api("/api/v1/quotes", Map.of("lang", lang, "limit", 100)).getList("items.text", String.class)) {
            Matcher word = WORD.matcher(text);
            if (word.find()) {
                return word.group();
            }
        }
        throw new AssertionError("No word of five letters in any quote in " + lang);
    }

    /** The first quote the API lists with variants in Arabic, Persian, English and Urdu. */
    private static String quoteInAllFourLanguages() {
        JsonPath quotes = api("/api/v1/quotes", Map.of("lang", "all", "limit", 100));
        List<String> ids = quotes.getList("items.id", String.class);
        for (int i = 0; i < ids.size(); i++) {
            Set<String> langs = quotes.getList("items[" + i + "].variants.lang", String.class).stream().collect(Collectors.toSet());
            if (langs.containsAll(Set.of("ar", "fa", "en", "ur"))) {
                return ids.get(i);
            }
        }
        throw new AssertionError("No quote in the seeds has variants in all four languages");
    }

    /** The article shows the quote's variants in the API's order with their ids, languages, texts and search hits. */
    private static void assertVariantsAsTheApiGivesThem(Locator article, JsonPath api, String quotePath) {
        List<Map<String, Object>> variants = api.getList(quotePath + "variants");
        Locator sections = article.locator("section.variant");
        assertThat(sections.count()).isEqualTo(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            Map<String, Object> variant = variants.get(i);
            String text = (String) variant.get("text");
            Locator section = sections.nth(i);
            assertThat(section.getAttribute("data-variant-id")).isEqualTo(String.valueOf(variant.get("id")));
            assertThat(section.getAttribute("lang")).isEqualTo(variant.get("lang"));
            assertThat(section.locator("blockquote.variant-text").getAttribute("lang")).isEqualTo(variant.get("lang"));
            assertThat(section.locator("blockquote.variant-text").textContent()).isEqualTo(text);
            List<String> hits = new ArrayList<>();
            for (Object highlight : (List<?>) variant.get("highlights")) {
                Map<?, ?> span = (Map<?, ?>) highlight;
                hits.add(text.substring((Integer) span.get("start"), (Integer) span.get("end")));
            }
            assertThat(section.locator("blockquote mark.hit").allTextContents()).containsExactlyElementsOf(hits);
        }
    }

    /** The source view of the section's variant shows the whole source text, in its direction, with exactly the span marked. */
    private static void assertSourceHighlight(Locator section, JsonPath quote, String variantPath, Map<String, String> directions) {
        String sourceId = quote.getString(variantPath + "source.id");
        JsonPath source = api("/api/v1/sources/" + sourceId, Map.of());
        String text = source.getString("text");
        int start = quote.getInt(variantPath + "span.start");
        int end = quote.getInt(variantPath + "span.end");
        Locator button = section.locator("button.show-source");
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
        Locator panel = section.page().locator("#" + button.getAttribute("aria-controls"));
        Locator mark = panel.locator(".source-text mark.span");
        PlaywrightAssertions.assertThat(mark).isVisible();
        assertThat(mark.textContent()).isEqualTo(text.substring(start, end)).isEqualTo(quote.getString(variantPath + "text"));
        Locator body = panel.locator(".source-text");
        assertThat(body.textContent()).isEqualTo(text);
        assertThat(body.getAttribute("lang")).isEqualTo(source.getString("lang"));
        assertThat(body.getAttribute("dir")).isEqualTo(directions.get(source.getString("lang")));
        // Isolated: a bidi control left open before the span in the source cannot reorder the marked words.
        assertThat(mark.evaluate("element => getComputedStyle(element).unicodeBidi")).isEqualTo("isolate");
        PlaywrightAssertions.assertThat(mark).isInViewport();
    }
}
