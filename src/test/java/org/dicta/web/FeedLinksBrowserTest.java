package org.dicta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicta.support.BrowserProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The explorer's feed links and calendars in Chromium: the "Follow" link and the {@code <link rel="alternate">} of the
 * speaker, topic and search views carry exactly the view's filters, once each, and follow the view; dates are shown
 * in the Solar Hijri calendar to a Persian reader and the Hijri (Umm al-Qura) one to an Arabic reader, as ICU4J
 * computes them, in any time zone. Run with {@code mvn -Pbrowser test}.
 */
@QuarkusTest
@TestProfile(BrowserProfile.class)
@Tag("browser")
class FeedLinksBrowserTest extends BrowserTest {

    private static final String FEED_PATH = "/api/v1/feeds/quotes";
    private static final String ATOM = "link[rel=alternate][type='application/atom+xml']";
    private static final String MEETING_DAY = "2023-03-13";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]{5,}");
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @Test
    void feedLinksCarryExactlyTheFiltersOfTheViewShown(TestInfo info) throws Exception {
        JsonPath sample = api("/api/v1/quotes", Map.of("lang", "fa", "limit", 1));
        String speaker = sample.getString("items[0].speaker.id");
        String speakerName = api("/api/v1/speakers/" + speaker, Map.of("lang", "all")).getString("names.en");
        String topic = sample.getString("items[0].topics[0].id");
        String topicLabel = api("/api/v1/topics", Map.of("lang", "all", "limit", 100))
                .getString("items.find { it.id == '" + topic + "' }.labels.en");
        Matcher word = WORD.matcher(sample.getString("items[0].text"));
        assertThat(word.find()).isTrue();
        chromium.test(info, app, page -> {
            open(page, "");
            assertFeedOf(page, Map.of(), "Dicta: all quotes", true);

            // The speaker view: the search view filtered by a speaker, reached from a quote's speaker.
            page.locator("article.quote a.speaker-link[href='#/search?speaker=" + speaker + "']").first().click();
            awaitView(page);
            assertThat(page.url()).endsWith("#/search?speaker=" + speaker);
            assertThat(page.locator("#results-heading").textContent()).isEqualTo("Quotes by " + speakerName);
            assertFeedOf(page, Map.of("speaker", speaker), "Dicta: quotes by " + speakerName, true);
            // Followed as a feed reader follows it (no Accept header of the explorer's): an Atom feed of that speaker.
            APIResponse feed = page.request().get(page.locator("#feed-link").getAttribute("href"));
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.headers().get("content-type")).startsWith("application/atom+xml");
            assertThat(feed.text()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "<name>" + speakerName + "</name>");

            // The topic view, reached from a quote's topic.
            page.locator("article.quote a.topic-link[href='#/search?topic=" + topic + "']").first().click();
            awaitView(page);
            assertThat(page.locator("#results-heading").textContent()).isEqualTo("Quotes on " + topicLabel);
            assertFeedOf(page, Map.of("topic", topic), "Dicta: quotes on " + topicLabel, true);

            // A search with every filter: the feed takes them all, and nothing else (no limit, no lang=all).
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("q", word.group());
            filters.put("speaker", speaker);
            filters.put("meeting", sample.getString("items[0].meeting.id"));
            filters.put("lang", "fa");
            filters.put("topic", topic);
            filters.put("mode", sample.getString("items[0].variants[0].mode"));
            filters.put("from", sample.getString("items[0].meeting.date"));
            filters.put("to", sample.getString("items[0].meeting.date"));
            page.fill("#q", filters.get("q"));
            for (String select : List.of("speaker", "meeting", "lang", "topic", "mode")) {
                page.selectOption("#" + select, filters.get(select));
            }
            page.fill("#from", filters.get("from"));
            page.fill("#to", filters.get("to"));
            page.click("button[type=submit]");
            awaitView(page);
            assertThat(page.locator("article.quote").count()).as("the sample quote matches its own filters").isPositive();
            assertThat(page.locator("#results-heading").textContent())
                    .startsWith((filters.get("mode").equals("direct") ? "Direct quotes" : "Reported quotes")
                            + " by " + speakerName + " on " + topicLabel + " at ");
            assertFeedOf(page, filters, null, true);
            assertThat(page.locator(ATOM).getAttribute("title"))
                    .contains(speakerName, topicLabel, "in Persian", "“" + filters.get("q") + "”", filters.get("from"));

            // A plain search by words.
            open(page, "#/search?q=" + filters.get("q") + "&lang=fa");
            assertThat(page.locator("#results-heading").textContent()).isEqualTo("Search results");
            assertFeedOf(page, Map.of("q", filters.get("q"), "lang", "fa"), null, true);

            // Paging does not change the view's feed.
            open(page, "");
            page.click("#more");
            page.waitForFunction("() => document.getElementById('results').getAttribute('aria-busy') === 'false'");
            assertFeedOf(page, Map.of(), "Dicta: all quotes", true);

            // One quote: no "Follow" link; the page's alternate is every quote again.
            open(page, "#/search?speaker=" + speaker);
            page.locator("article.quote a.permalink").first().click();
            awaitView(page);
            assertFeedOf(page, Map.of(), "Dicta: all quotes", false);

            // Back to the speaker's view: its feed again, still one link of each kind.
            page.goBack();
            awaitView(page);
            assertFeedOf(page, Map.of("speaker", speaker), "Dicta: quotes by " + speakerName, true);
        });
    }

    @Test
    void aPersianReaderSeesSolarHijriDatesBesideIsoDatesInAnyTimeZone(TestInfo info) throws Exception {
        String expected = persian(MEETING_DAY);
        PersianCalendar calendar = new PersianCalendar(UTC, new ULocale("fa_IR"));
        calendar.setTime(utcMidnight(MEETING_DAY));
        assertThat(List.of(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DATE)))
                .as("2023-03-13 is 22 Esfand 1401").containsExactly(1401, 12, 22);
        assertThat(expected).isEqualTo("۲۲ اسفند ۱۴۰۱");
        for (String timeZone : List.of("Pacific/Pago_Pago", "Pacific/Kiritimati")) {
            chromium.test(info, app, page -> {
                inTimeZone(page, timeZone);
                assertDatesInCalendar(page, "fa", "fa", FeedLinksBrowserTest::persian);
                assertThat(page.locator(".quote-meta time").first().textContent())
                        .isEqualTo(MEETING_DAY + " (۲۲ اسفند ۱۴۰۱)");
            });
        }
    }

    @Test
    void anArabicReaderSeesHijriDatesOfUmmAlQura(TestInfo info) throws Exception {
        IslamicCalendar calendar = new IslamicCalendar(UTC, new ULocale("ar"));
        calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        calendar.setTime(utcMidnight(MEETING_DAY));
        assertThat(List.of(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DATE)))
                .as("2023-03-13 is 21 Sha'ban 1444").containsExactly(1444, 8, 21);
        chromium.test(info, app, page -> {
            inTimeZone(page, "America/Los_Angeles");
            assertDatesInCalendar(page, "ar", "ar", FeedLinksBrowserTest::hijri);
        });
    }

    @Test
    void anEnglishReaderOrOneWithoutALanguageSeesIsoDatesAlone(TestInfo info) throws Exception {
        chromium.test(info, app, page -> {
            for (String filter : List.of("&lang=en", "")) {
                open(page, "#/search?from=" + MEETING_DAY + "&to=" + MEETING_DAY + filter);
                assertThat(page.locator(".quote-meta time").count()).isPositive();
                assertThat(page.locator(".quote-meta time").allTextContents()).containsOnly(MEETING_DAY);
                assertThat(page.locator(".calendar-date").count()).isZero();
                for (Locator time : page.locator(".variant-source time").all()) {
                    assertThat(time.textContent()).isEqualTo(time.getAttribute("datetime"));
                }
            }
        });
    }

    // ---- helpers ----

    /** The view's "Follow" link and its one Atom alternate point at the feed of exactly these filters. */
    private void assertFeedOf(Page page, Map<String, String> filters, String title, boolean linkShown) {
        assertThat(page.locator(ATOM).count()).as("Atom alternates").isEqualTo(1);
        assertThat(page.locator("link[rel=alternate][type='application/feed+json']").count())
                .as("no JSON Feed alternate: a reader following it would get Atom").isZero();
        assertThat(page.locator("#feed-link").count()).isEqualTo(1);
        String atom = page.locator(ATOM).getAttribute("href");
        assertThat(page.locator("#feed-link").getAttribute("href")).isEqualTo(atom);
        URI uri = URI.create(atom);
        assertThat(uri.isAbsolute()).isTrue();
        assertThat(uri.getScheme() + "://" + uri.getRawAuthority()).isEqualTo(app.getProtocol() + "://" + app.getAuthority());
        assertThat(uri.getPath()).isEqualTo(FEED_PATH);
        assertThat(queryParameters(uri)).containsExactlyInAnyOrderEntriesOf(filters);
        if (title != null) {
            assertThat(page.locator(ATOM).getAttribute("title")).isEqualTo(title + " (Atom)");
        }
        Locator link = page.locator("#feed-link");
        if (linkShown) {
            PlaywrightAssertions.assertThat(link).isVisible();
            PlaywrightAssertions.assertThat(link).hasAccessibleName("Follow: Atom feed");
            assertThat(page.locator("#feed-title").textContent())
                    .isEqualTo(page.locator(ATOM).getAttribute("title").replace(" (Atom)", ""));
        } else {
            PlaywrightAssertions.assertThat(link).isHidden();
        }
    }

    /** The query's parameters; a parameter given twice fails the test. */
    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return parameters;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String value = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            assertThat(parameters.put(name, value)).as("parameter %s given once", name).isNull();
        }
        return parameters;
    }

    /**
     * In the view of quotes of 2023-03-13 filtered to {@code lang}, every date (meetings in the results, sources, a
     * quote's page and its source view) shows the ISO date and, in an element of its own, {@code calendar}'s date.
     */
    private void assertDatesInCalendar(Page page, String lang, String calendarLang, java.util.function.UnaryOperator<String> calendar) {
        open(page, "#/search?from=" + MEETING_DAY + "&to=" + MEETING_DAY + "&lang=" + lang);
        assertThat(page.locator("article.quote").count()).isPositive();
        assertShownInCalendar(page.locator(".quote-meta time"), calendarLang, calendar);
        assertShownInCalendar(page.locator(".variant-source time"), calendarLang, calendar);
        assertThat(page.locator(".quote-meta time").first().getAttribute("datetime")).isEqualTo(MEETING_DAY);

        // The quote's own page, opened from the results, and its source.
        page.locator("article.quote:has(.variant-source time) a.permalink").first().click();
        awaitView(page);
        assertShownInCalendar(page.locator(".quote-meta time"), calendarLang, calendar);
        Locator variant = page.locator("section.variant:has(.variant-source time)").first();
        variant.locator("button.show-source").click();
        Locator sourceDate = page.locator(".source-info time");
        PlaywrightAssertions.assertThat(sourceDate.first()).isVisible();
        assertShownInCalendar(sourceDate, calendarLang, calendar);
    }

    private static void assertShownInCalendar(Locator times, String calendarLang, java.util.function.UnaryOperator<String> calendar) {
        assertThat(times.count()).isPositive();
        for (Locator time : times.all()) {
            String iso = time.getAttribute("datetime");
            String expected = calendar.apply(iso);
            Locator part = time.locator(".calendar-date");
            assertThat(part.count()).isEqualTo(1);
            assertThat(part.textContent()).isEqualTo(expected);
            assertThat(part.getAttribute("lang")).isEqualTo(calendarLang);
            assertThat(part.getAttribute("dir")).isEqualTo("rtl");
            assertThat(time.textContent()).isEqualTo(iso + " (" + expected + ")");
        }
    }

    /** The browser's clock in another time zone (the Chrome DevTools Protocol's emulation). */
    private static void inTimeZone(Page page, String timeZone) {
        page.context().newCDPSession(page).send("Emulation.setTimezoneOverride",
                com.google.gson.JsonParser.parseString("{\"timezoneId\": \"" + timeZone + "\"}").getAsJsonObject());
        assertThat(page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(timeZone);
    }

    private static Date utcMidnight(String isoDate) {
        return Date.from(LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The Solar Hijri date as ICU4J writes it in Persian: the year, the month's name and the day (yMMMMd). */
    static String persian(String isoDate) {
        ULocale locale = new ULocale("fa_IR@calendar=persian");
        return inCalendar(new PersianCalendar(UTC, locale), locale, isoDate);
    }

    /** The Hijri date of Umm al-Qura as ICU4J writes it in Arabic (yMMMMd). */
    static String hijri(String isoDate) {
        ULocale locale = new ULocale("ar@calendar=islamic-umalqura");
        IslamicCalendar calendar = new IslamicCalendar(UTC, locale);
        calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        return inCalendar(calendar, locale, isoDate);
    }

    private static String inCalendar(Calendar calendar, ULocale locale, String isoDate) {
        DateFormat format = DateFormat.getInstanceForSkeleton(calendar, "yMMMMd", locale);
        format.setTimeZone(UTC);
        return format.format(utcMidnight(isoDate));
    }
}
