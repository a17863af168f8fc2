package org.dicta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dicta.support.BrowserProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The explorer's "Find statements" page at #/find in Chromium, for editors: a pasted report in each of Arabic, Persian,
 * English and Urdu and a meeting's new reports, read by the statement finder, shown as the API answers them (every
 * candidate marked in its report with exactly the API's words, every proposed statement with the API's variants, a
 * statement an existing quote holds shown as recorded), corrected in the page (a span by a word or by its offsets,
 * the speaker, the mode, a report moved to another statement) and saved; the saved quote is then read back through
 * the API with exactly the corrected values. Also: the token stays out of storage, cookies and the address; a save
 * without a token or with a span outside the text shows the API's problem and writes nothing; markup in a report is
 * shown as text; controls are labelled and the page keeps its policy and contrast. The finder's rules are being tuned,
 * so nothing here depends on what exactly it finds: the page is compared with whatever the API answers. Run with
 * {@code mvn -Pbrowser test}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@Tag("browser")
class FinderBrowserTest extends BrowserTest {

    /** Unique per run, so that the test's meetings and sources are new even in a database kept from an earlier run. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    /** A short report per language with two attributed statements each (a direct one and a reported one). */
    private static final Map<String, String> REPORTS = Map.of(
            "en", "Tehran, 20 May.\nPresident Lukashenko said that \"trade between the two countries will double by next "
                    + "year.\" He added: \"We will open a new border crossing.\"\n",
            "ar", "طهران، 20 مايو.\nقال الرئيس الإيراني إبراهيم رئيسي إن التجارة بين البلدين ستتضاعف بحلول العام المقبل. "
                    + "وأضاف: «سنفتح معبراً حدودياً جديداً».\n",
            "fa", "تهران، ۳۰ اردیبهشت.\nابراهیم رئیسی گفت: «حجم تجارت میان دو کشور تا سال آینده دو برابر خواهد شد.» "
                    + "وی افزود که یک گذرگاه مرزی جدید گشوده خواهد شد.\n",
            "ur", "تہران، 20 مئی۔\nصدر مملکت سید ابراہیم رئيسی نے کہا کہ دونوں ملکوں کے درمیان تجارت اگلے سال تک دوگنی ہو "
                    + "جائے گی۔ انھوں نے کہا: \"ہم ایک نیا سرحدی راستہ کھولیں گے۔\"\n");

    private static final String MARKUP_REPORT = "The minister said: \"<img src=x onerror=window.__xss=1> is only text.\"\n";

    private static final String SEED_MEETING = "2023-03-13-leader-receives-lukashenko";

    private final String token = EditorTokens.editor("finder-browser-test");

    @Test
    void aPastedReportInEachScriptIsFoundCorrectedAndSaved(TestInfo info) throws Exception {
        String meeting = newMeeting("finder-pasted-" + RUN, List.of());
        chromium.test(info, app, page -> {
            openFinder(page);
            page.fill("#finder-token", token);
            for (String lang : List.of("ar", "fa", "en", "ur")) {
                String text = REPORTS.get(lang);
                JsonPath found = candidates(lang, text, meeting);
                List<Map<String, Object>> items = found.getList("items");
                assertThat(items).as("what the finder finds in the %s report", lang).isNotEmpty();

                page.selectOption("#finder-paste-lang", lang);
                page.selectOption("#finder-paste-meeting", meeting);
                page.fill("#finder-paste-text", text);
                awaitLoad(page, () -> page.click("#finder-paste-form button[type=submit]"));
                assertThat(page.url()).endsWith("#/find").doesNotContain(token);

                Locator report = page.locator("article.report");
                assertThat(report.count()).isEqualTo(1);
                assertReportAsTheApiReadsIt(report, lang, text, found, "");
                Locator cards = page.locator("article.statement");
                assertThat(cards.count()).as("one statement per candidate of a single report").isEqualTo(items.size());
                for (int i = 0; i < items.size(); i++) {
                    Locator variant = cards.nth(i).locator("section.finder-variant");
                    assertThat(variant.count()).isEqualTo(1);
                    assertThat(variant.getAttribute("lang")).isEqualTo(lang);
                    assertThat(variant.locator("blockquote.variant-text").textContent()).isEqualTo(items.get(i).get("text"));
                }

                // Correct the first statement: one correction per script, then save it.
                Map<String, Object> first = items.get(0);
                Map<?, ?> span = (Map<?, ?>) first.get("span");
                int start = (Integer) span.get("start");
                int end = (Integer) span.get("end");
                String mode = (String) first.get("mode");
                Map<?, ?> guess = (Map<?, ?>) first.get("speaker");
                String speaker = guess == null ? null : (String) guess.get("id");
                Locator card = cards.first();
                Locator variant = card.locator("section.finder-variant");
                switch (lang) {
                    case "en" -> {
                        variant.locator("button.end-earlier").click();
                        end = endOneWordEarlier(text, end);
                        mode = other(mode);
                        variant.locator("select.variant-mode").selectOption(mode);
                    }
                    case "ar" -> {
                        variant.locator("button.start-earlier").click();
                        start = startOneWordEarlier(text, start);
                    }
                    case "fa" -> {
                        speaker = "alexander-lukashenko".equals(speaker) ? "ebrahim-raisi" : "alexander-lukashenko";
                        card.locator("select.statement-speaker").selectOption(speaker);
                    }
                    default -> {
                        int nextWord = text.indexOf(' ', start) + 1;
                        assertThat(nextWord).isPositive().isLessThan(end);
                        start = nextWord;
                        variant.locator("input.span-start").fill(String.valueOf(start));
                        mode = other(mode);
                        variant.locator("select.variant-mode").selectOption(mode);
                    }
                }
                if (speaker == null) {
                    speaker = "ebrahim-raisi";
                    card.locator("select.statement-speaker").selectOption(speaker);
                }
                assertThat(variant.locator("blockquote.variant-text").textContent()).isEqualTo(text.substring(start, end));
                assertThat(variant.locator("input.span-start").inputValue()).isEqualTo(String.valueOf(start));
                assertThat(variant.locator("input.span-end").inputValue()).isEqualTo(String.valueOf(end));

                String quoteId = saveAndReadTheQuoteId(card);
                JsonPath quote = api("/api/v1/quotes/" + quoteId, Map.of("lang", "all"));
                assertThat(quote.getString("speaker.id")).isEqualTo(speaker);
                assertThat(quote.getString("meeting.id")).isEqualTo(meeting);
                assertThat(quote.getList("variants")).hasSize(1);
                assertThat(quote.getString("variants[0].lang")).isEqualTo(lang);
                assertThat(quote.getString("variants[0].mode")).isEqualTo(mode);
                assertThat(quote.getInt("variants[0].span.start")).isEqualTo(start);
                assertThat(quote.getInt("variants[0].span.end")).isEqualTo(end);
                String source = api("/api/v1/sources/" + quote.getString("variants[0].source.id"), Map.of()).getString("text");
                assertThat(source).as("the pasted report, stored exactly").isEqualTo(text);
                assertThat(quote.getString("variants[0].text")).isEqualTo(source.substring(start, end));
            }
            assertTokenKeptInMemoryOnly(page);
        });
    }

    @Test
    void aMeetingsStatementsAreShownAsTheApiProposesThemAndARegroupedOneIsSaved(TestInfo info) throws Exception {
        List<String> sources = new ArrayList<>();
        for (String lang : List.of("ar", "fa", "en", "ur")) {
            sources.add(newSource(lang, REPORTS.get(lang).replaceFirst("20", "21").replaceFirst("۳۰", "۳۱")));
        }
        String meeting = newMeeting("finder-meeting-" + RUN, sources);
        JsonPath expected = api("/api/v1/meetings/" + meeting + "/candidates", Map.of());
        chromium.test(info, app, page -> {
            openFinder(page);
            page.fill("#finder-token", token);
            page.selectOption("#finder-meeting", meeting);
            awaitLoad(page, () -> page.click("#finder-meeting-form button[type=submit]"));
            assertThat(page.url()).endsWith("#/find?meeting=" + meeting);

            List<Map<String, Object>> reports = expected.getList("reports");
            Locator shownReports = page.locator("article.report");
            assertThat(shownReports.count()).isEqualTo(reports.size()).isEqualTo(4);
            for (int i = 0; i < reports.size(); i++) {
                String source = (String) reports.get(i).get("source");
                assertThat(shownReports.nth(i).getAttribute("data-source")).isEqualTo(source);
                assertReportAsTheApiReadsIt(shownReports.nth(i), (String) reports.get(i).get("lang"),
                        api("/api/v1/sources/" + source, Map.of()).getString("text"), expected, "reports[" + i + "].");
            }
            List<Map<String, Object>> statements = expected.getList("statements");
            assertStatementsAsTheApiProposesThem(page, expected);

            // Regroup: a report of another new statement joins the first new one, or else leaves for a statement of its own.
            int first = -1;
            for (int i = 0; i < statements.size() && first < 0; i++) {
                first = statements.get(i).get("quote") == null ? i : -1;
            }
            assertThat(first).as("a new statement in the new reports").isNotNegative();
            List<String> firstSources = expected.getList("statements[" + first + "].variants.source", String.class);
            List<Map<String, Object>> savedVariants = new ArrayList<>(expected.getList("statements[" + first + "].variants"));
            int saveAt = first;
            Locator firstCard = page.locator("article.statement").nth(first);
            Map<String, Object> joining = null;
            int from = -1;
            for (int i = 0; i < statements.size() && joining == null; i++) {
                if (i == first || statements.get(i).get("quote") != null) {
                    continue;
                }
                List<Map<String, Object>> candidates = expected.getList("statements[" + i + "].variants");
                for (Map<String, Object> v : candidates) {
                    if (!firstSources.contains(v.get("source"))) {
                        joining = v;
                        from = i;
                        break;
                    }
                }
            }
            if (joining != null) {
                Locator moving = page.locator("article.statement").nth(from)
                        .locator("section.finder-variant[data-source=\"" + joining.get("source") + "\"]");
                moving.locator("select.move-target").selectOption(firstCard.getAttribute("data-key"));
                moving.locator("button.move").click();
                savedVariants.add(joining);
                assertThat(page.locator("article.statement").count()).isEqualTo(statements.size());
            } else {
                Map<String, Object> leaving = savedVariants.remove(savedVariants.size() - 1);
                assertThat(savedVariants).as("a statement of at least two reports to split").isNotEmpty();
                Locator moving = firstCard.locator("section.finder-variant[data-source=\"" + leaving.get("source") + "\"]");
                moving.locator("select.move-target").selectOption("new");
                moving.locator("button.move").click();
                assertThat(page.locator("article.statement").count()).isEqualTo(statements.size() + 1);
                savedVariants = List.of(leaving);
                saveAt = first + 1;
            }
            Locator card = page.locator("article.statement").nth(saveAt);
            assertThat(card.locator("section.finder-variant").evaluateAll("els => els.map(e => e.dataset.source)"))
                    .asInstanceOf(LIST)
                    .containsExactlyElementsOf(savedVariants.stream().map(v -> v.get("source")).toList());
            PlaywrightAssertions.assertThat(card.locator("section.finder-variant[data-source=\""
                    + savedVariants.get(savedVariants.size() - 1).get("source") + "\"]")).isFocused();
            String speaker = "alexander-lukashenko";
            card.locator("select.statement-speaker").selectOption(speaker);

            String quoteId = saveAndReadTheQuoteId(card);
            JsonPath quote = api("/api/v1/quotes/" + quoteId, Map.of("lang", "all"));
            assertThat(quote.getString("speaker.id")).isEqualTo(speaker);
            assertThat(quote.getString("meeting.id")).isEqualTo(meeting);
            List<Map<String, Object>> variants = quote.getList("variants");
            assertThat(variants).hasSize(savedVariants.size());
            for (Map<String, Object> want : savedVariants) {
                Map<String, Object> got = variants.stream()
                        .filter(v -> want.get("source").equals(((Map<?, ?>) v.get("source")).get("id"))).findFirst().orElseThrow();
                assertThat(got.get("span")).isEqualTo(want.get("span"));
                assertThat(got.get("mode")).isEqualTo(want.get("mode"));
                assertThat(got.get("lang")).isEqualTo(want.get("lang"));
                Map<?, ?> span = (Map<?, ?>) want.get("span");
                String text = api("/api/v1/sources/" + want.get("source"), Map.of()).getString("text");
                assertThat(got.get("text")).isEqualTo(text.substring((Integer) span.get("start"), (Integer) span.get("end")));
            }
            assertTokenKeptInMemoryOnly(page);
        });
    }

    @Test
    void aSaveWithoutATokenOrWithASpanOutsideTheTextShowsTheApiProblemAndWritesNothing(TestInfo info) throws Exception {
        String source = newSource("en", REPORTS.get("en").replace("20 May", "22 May"));
        String meeting = newMeeting("finder-refused-" + RUN, List.of(source));
        JsonPath expected = api("/api/v1/meetings/" + meeting + "/candidates", Map.of());
        String sourceText = api("/api/v1/sources/" + source, Map.of()).getString("text");
        int sourcesBefore = allSourceIds().size();
        chromium.test(info, app, List.of("status of 401", "status of 422", "status of 400"), page -> {
            openFinder(page);

            // Without a token the finder does not read a pasted report: the API's words, in the alert.
            page.fill("#finder-paste-text", REPORTS.get("en"));
            awaitLoad(page, () -> page.click("#finder-paste-form button[type=submit]"));
            String unauthorised = given().contentType(ContentType.JSON).body(Map.of("lang", "en", "text", REPORTS.get("en")))
                    .when().post("/api/v1/candidates").then().statusCode(401).extract().path("detail");
            PlaywrightAssertions.assertThat(page.locator("#finder-error")).isVisible();
            assertThat(page.locator("#finder-error").getAttribute("role")).isEqualTo("alert");
            assertThat(page.locator("#finder-error").textContent()).isEqualTo(unauthorised);

            // A meeting's statements are public; saving one is not.
            page.selectOption("#finder-meeting", meeting);
            awaitLoad(page, () -> page.click("#finder-meeting-form button[type=submit]"));
            assertStatementsAsTheApiProposesThem(page, expected);
            int statement = -1;
            List<Map<String, Object>> statements = expected.getList("statements");
            for (int i = 0; i < statements.size() && statement < 0; i++) {
                statement = statements.get(i).get("draft") != null && statements.get(i).get("quote") == null ? i : -1;
            }
            assertThat(statement).as("a new statement with a draft").isNotNegative();
            Map<String, Object> draft = expected.getMap("statements[" + statement + "].draft");
            Locator card = page.locator("article.statement").nth(statement);
            card.locator("button.save").click();
            Locator alert = card.locator(".save-error");
            PlaywrightAssertions.assertThat(alert).isVisible();
            assertThat(alert.getAttribute("role")).isEqualTo("alert");
            String noToken = given().contentType(ContentType.JSON).body(draft).when().post("/api/v1/quotes")
                    .then().statusCode(401).extract().path("detail");
            PlaywrightAssertions.assertThat(alert.locator(".save-error-message")).hasText(noToken);

            // With a token but a span beyond the end of the source: the API refuses, the correction stays.
            page.fill("#finder-token", token);
            Locator variant = card.locator("section.finder-variant").first();
            int start = Integer.parseInt(variant.locator("input.span-start").inputValue());
            int beyond = sourceText.length() + 40;
            variant.locator("input.span-end").fill(String.valueOf(beyond));
            assertThat(variant.locator("blockquote.variant-text").textContent()).isEqualTo(sourceText.substring(start));
            card.locator("button.save").click();
            PlaywrightAssertions.assertThat(alert.locator(".save-error-message")).not().hasText(noToken);
            Map<String, Object> corrected = new HashMap<>(draft);
            List<Map<String, Object>> variants = new ArrayList<>();
            for (Object v : (List<?>) draft.get("variants")) {
                variants.add(new HashMap<>((Map<String, Object>) v));
            }
            variants.get(0).put("text", sourceText.substring(start));
            variants.get(0).put("span", Map.of("start", start, "end", beyond));
            corrected.put("variants", variants);
            corrected.put("reason", page.inputValue("#finder-reason"));
            JsonPath problem = given().auth().oauth2(token).contentType(ContentType.JSON).body(corrected)
                    .when().post("/api/v1/quotes").then().statusCode(422).extract().jsonPath();
            assertThat(alert.locator(".save-error-message").textContent()).isEqualTo(problem.getString("detail"));
            List<String> messages = new ArrayList<>();
            for (Map<String, Object> v : problem.<Map<String, Object>>getList("violations")) {
                messages.add(v.get("field") + ": " + v.get("message"));
            }
            assertThat(alert.locator(".violations li").allTextContents()).containsExactlyElementsOf(messages);
            assertThat(variant.locator("input.span-end").inputValue()).isEqualTo(String.valueOf(beyond));
            assertThat(card.locator(".saved-link").count()).isZero();

            // A pasted report is not stored when the save is refused for want of a token.
            page.fill("#finder-paste-text", REPORTS.get("en").replace("20 May", "23 May"));
            page.selectOption("#finder-paste-meeting", meeting);
            awaitLoad(page, () -> page.click("#finder-paste-form button[type=submit]"));
            page.fill("#finder-token", "");
            Locator pasted = page.locator("article.statement").first();
            pasted.locator("select.statement-speaker").selectOption("ebrahim-raisi");
            pasted.locator("button.save").click();
            PlaywrightAssertions.assertThat(pasted.locator(".save-error-message")).hasText(given().contentType(ContentType.JSON)
                    .body(Map.of("lang", "en", "text", "x")).when().post("/api/v1/sources")
                    .then().statusCode(401).extract().<String>path("detail"));
        });
        assertThat(api("/api/v1/quotes", Map.of("meeting", meeting, "lang", "all")).getList("items")).isEmpty();
        assertThat(api("/api/v1/meetings/" + meeting, Map.of()).getList("sources.id")).containsExactly(source);
        assertThat(allSourceIds()).hasSize(sourcesBefore);
    }

    @Test
    void markupInAReportIsShownAsText(TestInfo info) throws Exception {
        JsonPath found = candidates("en", MARKUP_REPORT, null);
        chromium.test(info, app, page -> {
            openFinder(page);
            page.fill("#finder-token", token);
            page.fill("#finder-paste-text", MARKUP_REPORT);
            awaitLoad(page, () -> page.click("#finder-paste-form button[type=submit]"));
            assertReportAsTheApiReadsIt(page.locator("article.report"), "en", MARKUP_REPORT, found, "");
            assertThat(found.getString("items[0].text")).contains("<img");
            assertThat(page.locator("article.statement blockquote.variant-text").first().textContent())
                    .isEqualTo(found.getString("items[0].text"));
            assertThat(page.locator("#finder img, #finder b, #finder script").count()).isZero();
            assertThat(page.evaluate("() => typeof window.__xss")).isEqualTo("undefined");
        });
    }

    @Test
    void recordedStatementsShowTheirQuoteAndTheFinderIsLabelledWithoutInlineCodeOrLowContrast(TestInfo info) throws Exception {
        JsonPath expected = api("/api/v1/meetings/" + SEED_MEETING + "/candidates", Map.of());
        chromium.test(info, app, page -> {
            page.navigate(app + "#/find?meeting=" + SEED_MEETING);
            page.waitForFunction("() => { const r = document.getElementById('finder-results');"
                    + " return r.dataset.loads === '1' && r.getAttribute('aria-busy') === 'false'; }");
            assertThat(page.locator("#search").isVisible()).isFalse();
            assertThat(page.locator("#finder-meeting").inputValue()).isEqualTo(SEED_MEETING);
            assertStatementsAsTheApiProposesThem(page, expected);
            long recorded = expected.getList("statements", Map.class).stream().filter(s -> s.get("draft") == null && s.get("quote") != null).count();
            assertThat(recorded).as("seed statements are quotes already").isPositive();

            // Keyboard: the nav link reaches the finder; the token field takes focus with a visible outline.
            page.locator(".site-header nav a[href='#/find']").focus();
            assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
            page.locator("#finder-token").focus();
            assertThat(page.evaluate("() => document.activeElement.type")).isEqualTo("password");

            assertThat(page.evaluate(UNLABELLED)).asInstanceOf(LIST).isEmpty();
            assertThat(page.evaluate("""
                    () => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                        .filter(a => a.name.startsWith('on') || a.name === 'style')
                        .map(a => e.tagName + ' ' + a.name))""")).asInstanceOf(LIST).isEmpty();
            assertThat(page.evaluate("() => [...document.querySelectorAll('[role=button], [onclick], a:not([href])')].length"))
                    .isEqualTo(0);
            assertThat(page.locator("#finder-status").getAttribute("aria-live")).isEqualTo("polite");
            assertThat(page.evaluate(CONTRAST_BELOW_4_5, List.of("#finder-heading", ".finder-intro", ".note",
                    ".finder-form label", "#finder-status", ".report-title", ".report-info", ".report-text",
                    ".report-text mark.candidate.mode-direct", ".report-text mark.candidate.mode-indirect", ".report-text .cue",
                    ".candidate-info", ".statement-meta", ".statement-state.held", ".statement-state.held a", ".variant-label",
                    ".finder-variant .variant-text"))).asInstanceOf(LIST).isEmpty();

            // The controls of a statement to correct, in a pasted Urdu report: labelled, and legible.
            page.fill("#finder-token", token);
            page.selectOption("#finder-paste-lang", "ur");
            page.fill("#finder-paste-text", REPORTS.get("ur"));
            awaitLoad(page, () -> page.click("#finder-paste-form button[type=submit]"));
            assertThat(page.evaluate(UNLABELLED)).asInstanceOf(LIST).isEmpty();
            assertThat(page.evaluate(CONTRAST_BELOW_4_5, List.of(".span-info", ".variant-finder", ".variant-controls label",
                    ".variant-controls input", ".variant-controls select", ".word-steps button", "button.move", "button.save",
                    ".statement-speaker-field label"))).asInstanceOf(LIST).isEmpty();
            assertThat(page.locator("section.finder-variant blockquote.variant-text").first()
                    .evaluate("e => getComputedStyle(e).fontFamily").toString()).startsWith("\"Noto Nastaliq Urdu\"");
        });
    }

    // ---- helpers ----

    /** The finder's form controls without a label that says something. */
    private static final String UNLABELLED = """
            () => [...document.querySelectorAll('#finder input, #finder select, #finder textarea')]
                .filter(c => !c.labels || c.labels.length === 0 || !c.labels[0].textContent.trim())
                .map(c => c.id || c.className || c.outerHTML)""";

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

    private void openFinder(Page page) {
        page.navigate(app + "#/find");
        page.waitForFunction("() => document.documentElement.dataset.ready === 'true'"
                + " && !document.getElementById('finder').hidden");
    }

    /** Runs an action and waits until the finder has shown the answer it asked for (or its error). */
    private static void awaitLoad(Page page, Runnable action) {
        Object before = page.evaluate("() => Number(document.getElementById('finder-results').dataset.loads)");
        action.run();
        page.waitForFunction("before => { const r = document.getElementById('finder-results');"
                + " return Number(r.dataset.loads) > before && r.getAttribute('aria-busy') === 'false'; }", before);
    }

    /** Clicks the statement's Save and answers the id of the quote the page links to. */
    private static String saveAndReadTheQuoteId(Locator card) {
        card.locator("button.save").click();
        Locator link = card.page().locator("article.statement[data-key=\"" + card.getAttribute("data-key") + "\"] a.saved-link");
        PlaywrightAssertions.assertThat(link).isVisible();
        PlaywrightAssertions.assertThat(link).isFocused();
        String href = link.getAttribute("href");
        assertThat(href).startsWith("#/quotes/");
        return href.substring("#/quotes/".length());
    }

    /** A report shows its whole text in its language and direction, each API candidate marked with exactly its words. */
    private static void assertReportAsTheApiReadsIt(Locator report, String lang, String text, JsonPath found, String path) {
        Locator body = report.locator(".report-text");
        assertThat(body.textContent()).isEqualTo(text);
        assertThat(body.getAttribute("lang")).isEqualTo(lang);
        assertThat(body.getAttribute("dir")).isEqualTo("en".equals(lang) ? "ltr" : "rtl");
        assertThat(body.evaluate("e => getComputedStyle(e).direction")).isEqualTo("en".equals(lang) ? "ltr" : "rtl");
        List<Map<String, Object>> items = found.getList(path + "items");
        Locator marks = body.locator("mark.candidate");
        assertThat(marks.allTextContents()).containsExactlyElementsOf(items.stream().map(i -> (String) i.get("text")).toList());
        for (int i = 0; i < items.size(); i++) {
            Map<?, ?> span = (Map<?, ?>) items.get(i).get("span");
            Locator mark = marks.nth(i);
            assertThat(mark.getAttribute("data-start")).isEqualTo(String.valueOf(span.get("start")));
            assertThat(mark.getAttribute("data-end")).isEqualTo(String.valueOf(span.get("end")));
            assertThat(mark.getAttribute("class")).contains("mode-" + items.get(i).get("mode"));
            Locator description = report.page().locator("#" + mark.getAttribute("aria-describedby"));
            assertThat(description.locator(".candidate-cue").textContent()).isEqualTo(((Map<?, ?>) items.get(i).get("cue")).get("text"));
            assertThat(description.textContent()).contains(items.get(i).get("mode").equals("direct") ? "direct quote" : "indirect");
            Map<?, ?> speaker = (Map<?, ?>) items.get(i).get("speaker");
            if (speaker != null && speaker.get("id") != null) {
                String name = api("/api/v1/speakers/" + speaker.get("id"), Map.of("lang", "all")).getString("names.en");
                assertThat(description.locator(".candidate-speaker").textContent()).isEqualTo(name);
            }
        }
        List<String> cues = items.stream().map(i -> (String) ((Map<?, ?>) i.get("cue")).get("text")).toList();
        assertThat(String.join("", body.locator(".cue").allTextContents())).contains(cues.get(0));
    }

    /** One card per proposed statement with the API's variants; a statement a quote holds links to it with nothing to save. */
    private static void assertStatementsAsTheApiProposesThem(Page page, JsonPath expected) {
        List<Map<String, Object>> statements = expected.getList("statements");
        Locator cards = page.locator("article.statement");
        assertThat(cards.count()).isEqualTo(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Map<String, Object> statement = statements.get(i);
            Locator card = cards.nth(i);
            String quote = (String) statement.get("quote");
            assertThat(card.getAttribute("data-quote")).isEqualTo(Objects.toString(quote, ""));
            List<Map<String, Object>> variants = expected.getList("statements[" + i + "].variants");
            Locator shown = card.locator("section.finder-variant");
            assertThat(shown.count()).isEqualTo(variants.size());
            for (int j = 0; j < variants.size(); j++) {
                assertThat(shown.nth(j).getAttribute("data-source")).isEqualTo(variants.get(j).get("source"));
                assertThat(shown.nth(j).getAttribute("lang")).isEqualTo(variants.get(j).get("lang"));
                assertThat(shown.nth(j).getAttribute("dir")).isEqualTo("en".equals(variants.get(j).get("lang")) ? "ltr" : "rtl");
                assertThat(shown.nth(j).locator("blockquote.variant-text").textContent()).isEqualTo(variants.get(j).get("text"));
            }
            if (quote != null && statement.get("draft") == null) {
                assertThat(card.locator(".statement-state.held a").getAttribute("href")).isEqualTo("#/quotes/" + quote);
                assertThat(card.locator("button.save").count()).isZero();
            } else {
                assertThat(card.locator("button.save").count()).isEqualTo(1);
            }
        }
    }

    private void assertTokenKeptInMemoryOnly(Page page) {
        String kept = (String) page.evaluate("""
                () => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie,
                    location.href, history.state])""");
        assertThat(kept).doesNotContain(token).doesNotContain(token.substring(0, 40));
        assertThat(page.context().cookies()).allSatisfy(cookie -> assertThat(cookie.value).doesNotContain(token));
    }

    private JsonPath candidates(String lang, String text, String meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lang", lang);
        body.put("text", text);
        if (meeting != null) {
            body.put("meeting", meeting);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/candidates").then().statusCode(200).extract().jsonPath();
    }

    private String newSource(String lang, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("lang", lang, "date", "2023-05-21", "text", text, "reason", "Browser tests: the statement finder"))
                .when().post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    /** A meeting of the Iranian and Belarusian presidents, made for one test, reported by the given sources. */
    private String newMeeting(String id, List<String> sources) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("id", id, "date", "2023-05-21", "titles", Map.of("en", "Finder test meeting " + id),
                        "participants", List.of(Map.of("speaker", "ebrahim-raisi", "role", "host"),
                                Map.of("speaker", "alexander-lukashenko", "role", "guest")),
                        "sources", sources, "reason", "Browser tests: the statement finder"))
                .when().post("/api/v1/meetings").then().statusCode(201);
        return id;
    }

    private static List<String> allSourceIds() {
        List<String> ids = new ArrayList<>();
        JsonPath page = api("/api/v1/sources", Map.of("limit", 100));
        ids.addAll(page.getList("items.id", String.class));
        while (page.getString("next") != null) {
            page = given().when().get(page.getString("next")).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
        }
        return ids;
    }

    private static String other(String mode) {
        return "direct".equals(mode) ? "indirect" : "direct";
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Where the page's "Start a word earlier" puts the start: at the beginning of the word before it. */
    private static int startOneWordEarlier(String text, int start) {
        int i = start;
        while (i > 0 && space(text.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && !space(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Where the page's "End a word earlier" puts the end: after the word before the last one. */
    private static int endOneWordEarlier(String text, int end) {
        int i = startOneWordEarlier(text, end);
        while (i > 0 && space(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
