package org.dicta.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicta.support.FeedProfile;
import org.dicta.support.EditorTokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The feeds as feed readers see them: every feed fetched here is parsed by Rome, a real feed parser, checked against
 * RFC 4287's RELAX NG schema and the rules the W3C validator holds feeds to, and its entries compared with what the
 * quote list and the quotes themselves say. Corrections and retractions of seed quotes are made through the editorial
 * API, on a database of these tests' own.
 */
@QuarkusTest
@TestProfile(FeedProfile.class)
class FeedReaderTest {

    private static final String FEED = "/api/v1/feeds/quotes";
    private static final String ENTRY_ID = "tag:dicta.example,2026:quotes/";
    private static final String LUKASHENKO = "alexander-lukashenko";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fetched Atom feed: its text, as Rome reads it, and as a DOM. */
    record Page(String xml, Feed feed, Document dom, Response response) {

        Map<String, Entry> entries() {
            Map<String, Entry> byQuote = new LinkedHashMap<>();
            feed.getEntries().forEach(entry -> byQuote.put(quoteId(entry.getId()), entry));
            return byQuote;
        }

        /** Quote ids of the entries and tombstones, in the feed's order. */
        List<String> order() {
            return AtomRules.nodes(dom, "/a:feed/a:entry/a:id | /a:feed/at:deleted-entry/@ref").stream()
                    .map(node -> quoteId(node.getTextContent())).toList();
        }

        List<String> tombstones() {
            return AtomRules.elements(dom, "/a:feed/at:deleted-entry").stream()
                    .map(element -> quoteId(element.getAttribute("ref"))).toList();
        }

        String link(String rel) {
            return feed.getOtherLinks().stream().filter(link -> link.getRel().equals(rel)).map(Link::getHref)
                    .findFirst().orElse(null);
        }

        /** The variant divs of an entry's content. */
        List<Element> variants(String quoteId) {
            return AtomRules.elements(dom, "/a:feed/a:entry[a:id='" + ENTRY_ID + quoteId
                    + "']/a:content/h:div/h:div[@class='variant']");
        }
    }

    /** Query parameters in the order given, as a client would write them. */
    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port + "/";
    }

    private static String quoteId(String entryId) {
        assertThat(entryId).startsWith(ENTRY_ID);
        return entryId.substring(ENTRY_ID.length());
    }

    /** The feed for these parameters, checked and parsed. */
    private static Page atom(Map<String, String> parameters) {
        Response response = given().queryParams(parameters).when().get(FEED).then()
                .statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .extract().response();
        String requested = base() + FEED.substring(1) + (parameters.isEmpty() ? "" : "?" + parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + java.net.URLEncoder.encode(p.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        return read(response, requested);
    }

    private static Page atomAt(String url) {
        Response response = given().urlEncodingEnabled(false).when().get(url).then()
                .statusCode(200).contentType(startsWith("application/atom+xml")).extract().response();
        return read(response, url);
    }

    private static Page read(Response response, String requested) {
        String xml = response.asString();
        Document dom = AtomRules.parse(xml);
        AtomRules.check(dom, requested);
        AtomSchema.validate(xml);
        try {
            Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
            return new Page(xml, feed, dom, response);
        } catch (Exception e) {
            throw new AssertionError("Rome cannot read the feed: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The ids of every quote the list shows for the same filters (every page). */
    private static Set<String> listed(Map<String, String> parameters) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var request = given().queryParams(parameters).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("cursor");
        } while (cursor != null);
        return ids;
    }

    private static JsonPath quote(String id) {
        return given().queryParam("include_retracted", "true").auth().oauth2(EditorTokens.editor("feed-reader"))
                .when().get("/api/v1/quotes/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Every entry of the feed is a standing quote the list shows, and every quote the list shows is in the feed. */
    private static void sameQuotesAsTheList(Page page, Map<String, String> parameters) {
        assertThat(page.entries().keySet()).as("entries for " + parameters).containsExactlyInAnyOrderElementsOf(listed(parameters));
        assertThat(page.entries()).as("a feed with entries for " + parameters).isNotEmpty();
    }

    /** An entry shows the quote: id, author, topics, links, and every variant in its language, direction and words. */
    private static void showsTheQuote(Page page, String quoteId, String lang) {
        Entry entry = page.entries().get(quoteId);
        JsonPath quote = quote(quoteId);
        String served = lang == null ? "en" : lang;
        assertThat(entry.getId()).isEqualTo(ENTRY_ID + quoteId);
        assertThat(entry.getAuthors()).hasSize(1);
        JsonPath speaker = given().when().get("/api/v1/speakers/" + quote.getString("speaker.id")).then().extract().jsonPath();
        String name = speaker.getString("names." + served);
        assertThat(entry.getAuthors().get(0).getName()).isEqualTo(name);
        assertThat(entry.getAuthors().get(0).getUri()).isEqualTo(base() + "api/v1/speakers/" + quote.getString("speaker.id"));
        assertThat(entry.getTitleEx().getValue()).startsWith(name + ": ");
        List<String> topics = quote.getList("topics.id", String.class);
        assertThat(entry.getCategories()).extracting(Category::getTerm).containsExactlyElementsOf(topics);
        for (Category category : entry.getCategories()) {
            assertThat(category.getLabel()).isEqualTo(quote.getString("topics.find { it.id == '" + category.getTerm()
                    + "' }.labels." + served));
            assertThat(category.getScheme()).isEqualTo(base() + "api/v1/topics");
        }
        assertThat(entry.getAlternateLinks()).extracting(Link::getHref).containsExactly(base() + "#/quotes/" + quoteId);
        assertThat(entry.getAlternateLinks()).extracting(Link::getType).containsExactly("text/html");
        assertThat(entry.getOtherLinks()).filteredOn(link -> link.getRel().equals("related")).extracting(Link::getHref)
                .containsExactly(base() + "api/v1/quotes/" + quoteId);
        assertThat(entry.getContents()).extracting(Content::getType).containsExactly("xhtml");
        List<Map<String, Object>> variants = quote.getList("variants");
        List<Map<String, Object>> expected = variants.stream().filter(v -> lang == null || lang.equals(v.get("lang"))).toList();
        List<Element> divs = page.variants(quoteId);
        assertThat(divs).hasSize(expected.size());
        for (int i = 0; i < divs.size(); i++) {
            Element div = divs.get(i);
            Map<String, Object> variant = expected.get(i);
            String variantLang = (String) variant.get("lang");
            assertThat(div.getAttributeNS(AtomRules.XML_NS, "lang")).isEqualTo(variantLang);
            assertThat(div.getAttribute("dir")).isEqualTo(variantLang.equals("en") ? "ltr" : "rtl");
            assertThat(AtomRules.text(div, "h:blockquote/h:p")).as("the words exactly").isEqualTo(variant.get("text"));
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) variant.get("source");
            assertThat(AtomRules.text(div, "h:blockquote/@cite")).isEqualTo(base() + "api/v1/sources/" + source.get("id"));
            List<String> links = AtomRules.elements(div, "h:p[@class='source']/h:a").stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(links).containsExactly(base() + "#/quotes/" + quoteId + "/variants/" + variant.get("id") + "/source",
                    base() + "api/v1/sources/" + source.get("id"));
            if (source.get("headline") != null) {
                assertThat(AtomRules.text(div, "h:p[@class='source']/h:cite")).isEqualTo(source.get("headline"));
            }
            if (source.get("publisher") != null) {
                assertThat(AtomRules.text(div, "h:p[@class='source']")).contains((String) source.get("publisher"));
            }
        }
    }

    @Test
    void followsASpeakerWithEveryVariantOfEveryQuote() {
        Map<String, String> parameters = params("speaker", LUKASHENKO);
        Page page = atom(parameters);
        sameQuotesAsTheList(page, parameters);
        assertThat(page.feed().getTitleEx().getValue()).isEqualTo("Dicta: quotes by Alexander Lukashenko");
        assertThat(page.feed().getId()).isEqualTo("tag:dicta.example,2026:feeds/quotes?speaker=alexander-lukashenko");
        assertThat(page.feed().getAlternateLinks()).extracting(Link::getHref)
                .containsExactly(base() + "#/search?speaker=alexander-lukashenko");
        assertThat(page.link("first")).isEqualTo(base() + "api/v1/feeds/quotes?speaker=alexander-lukashenko");
        assertThat(page.feed().getGenerator().getValue()).isEqualTo("Dicta");
        for (String id : page.entries().keySet()) {
            showsTheQuote(page, id, null);
            // The words of the English variant, else of the first in catalogue order, in their own quotation marks.
            boolean english = quote(id).getList("variants.lang", String.class).contains("en");
            assertThat(page.entries().get(id).getTitleEx().getValue()).as("the title of " + id)
                    .startsWith(english ? "Alexander Lukashenko: “" : "Alexander Lukashenko: «");
        }
        // Newest change first, then by id; the feed is as new as its newest entry.
        List<Entry> entries = page.feed().getEntries();
        for (int i = 1; i < entries.size(); i++) {
            Entry newer = entries.get(i - 1);
            Entry older = entries.get(i);
            assertThat(newer.getUpdated()).isAfterOrEqualTo(older.getUpdated());
            if (newer.getUpdated().equals(older.getUpdated())) {
                assertThat(quoteId(newer.getId())).isLessThan(quoteId(older.getId()));
            }
        }
        assertThat(page.feed().getUpdated()).isEqualTo(entries.get(0).getUpdated());
    }

    @Test
    void followsATopicAMeetingAModeAndADateRange() {
        Page topic = atom(params("topic", "sanctions"));
        sameQuotesAsTheList(topic, params("topic", "sanctions"));
        assertThat(topic.feed().getTitleEx().getValue()).isEqualTo("Dicta: quotes on sanctions");
        topic.entries().forEach((id, entry) -> assertThat(entry.getCategories()).extracting(Category::getTerm).contains("sanctions"));

        Map<String, String> atMeeting = params("meeting", "2023-03-13-raisi-lukashenko-talks");
        Page meeting = atom(atMeeting);
        sameQuotesAsTheList(meeting, atMeeting);
        String meetingTitle = given().when().get("/api/v1/meetings/2023-03-13-raisi-lukashenko-talks").then().extract()
                .jsonPath().getString("titles.en");
        assertThat(meeting.feed().getTitleEx().getValue()).isEqualTo("Dicta: quotes at " + meetingTitle + " (2023-03-13)");
        meeting.entries().keySet().forEach(id -> showsTheQuote(meeting, id, null));

        Map<String, String> direct = params("mode", "direct", "speaker", "ali-khamenei");
        Page mode = atom(direct);
        sameQuotesAsTheList(mode, direct);
        assertThat(mode.feed().getTitleEx().getValue()).isEqualTo("Dicta: quotes by Ali Khamenei, direct speech");
        for (String id : mode.entries().keySet()) {
            long directVariants = quote(id).getList("variants.mode", String.class).stream().filter("direct"::equals).count();
            assertThat(mode.variants(id)).as("only the direct variants of " + id).hasSize((int) directVariants);
        }

        Map<String, String> range = params("speaker", LUKASHENKO, "from", "2023-03-13", "to", "2023-03-13");
        Page dated = atom(range);
        sameQuotesAsTheList(dated, range);
        assertThat(dated.entries()).doesNotContainKey("lukashenko-supports-beijing-proposals"); // an undated meeting
        assertThat(dated.feed().getTitleEx().getValue())
                .isEqualTo("Dicta: quotes by Alexander Lukashenko from 2023-03-13 to 2023-03-13");

        // Changed since: the newest entry's own instant keeps it; a later one leaves nothing to show.
        Page everything = atom(params("topic", "trade"));
        String newest = AtomRules.text(everything.dom(), "/a:feed/a:updated");
        Map<String, String> since = params("topic", "trade", "updated_since", newest);
        Page recent = atom(since);
        sameQuotesAsTheList(recent, since);
        assertThat(recent.order()).contains(everything.order().get(0));
        assertThat(recent.feed().getTitleEx().getValue()).startsWith("Dicta: quotes on trade, changed since ");
        assertThat(atom(params("topic", "trade", "updated_since", "2999-01-01T00:00:00Z")).order()).isEmpty();
    }

    @Test
    void servesOneLanguageWithTheReadersCalendar() {
        Page persian = atom(params("speaker", LUKASHENKO, "lang", "fa"));
        sameQuotesAsTheList(persian, params("speaker", LUKASHENKO, "lang", "fa"));
        assertThat(persian.feed().getTitleEx().getValue()).isEqualTo("Dicta: quotes by آلکساندر لوکاشنکو in Persian");
        for (Map.Entry<String, Entry> entry : persian.entries().entrySet()) {
            showsTheQuote(persian, entry.getKey(), "fa");
            assertThat(persian.variants(entry.getKey())).allSatisfy(div -> {
                assertThat(div.getAttributeNS(AtomRules.XML_NS, "lang")).isEqualTo("fa");
                assertThat(div.getAttribute("dir")).isEqualTo("rtl");
            });
            assertThat(entry.getValue().getTitleEx().getValue()).startsWith("آلکساندر لوکاشنکو: «");
        }
        Element title = AtomRules.elements(persian.dom(), "/a:feed/a:entry[a:id='" + ENTRY_ID
                + "lukashenko-sanctions-an-opportunity']/a:title").get(0);
        assertThat(title.getAttributeNS(AtomRules.XML_NS, "lang")).isEqualTo("fa");
        // The meeting of 13 March 2023 was on 22 Esfand 1401 (Solar Hijri) and 21 Sha'ban 1444 (Hijri, Umm al-Qura).
        assertThat(title.getTextContent()).endsWith("» — 2023-03-13 (۲۲ اسفند ۱۴۰۱)");

        Page arabic = atom(params("speaker", LUKASHENKO, "lang", "ar", "from", "2023-03-01"));
        assertThat(arabic.feed().getTitleEx().getValue())
                .isEqualTo("Dicta: quotes by ألكسندر لوكاشينكو in Arabic from 2023-03-01 (9 شعبان 1444 هـ)");
        assertThat(arabic.entries().values()).allSatisfy(entry -> assertThat(entry.getTitleEx().getValue())
                .startsWith("ألكسندر لوكاشينكو: «").endsWith(" — 2023-03-13 (21 شعبان 1444 هـ)"));
        arabic.entries().keySet().forEach(id -> showsTheQuote(arabic, id, "ar"));

        Page urdu = atom(params("speaker", LUKASHENKO, "lang", "ur"));
        urdu.entries().keySet().forEach(id -> showsTheQuote(urdu, id, "ur"));
        assertThat(urdu.entries().values()).allSatisfy(entry -> assertThat(entry.getTitleEx().getValue())
                .endsWith("— 2023-03-13").doesNotContain("("));

        Page english = atom(params("speaker", LUKASHENKO, "lang", "en"));
        english.entries().keySet().forEach(id -> showsTheQuote(english, id, "en"));
        assertThat(english.entries().get("lukashenko-sanctions-an-opportunity").getTitleEx().getValue())
                .startsWith("Alexander Lukashenko: “").endsWith("” — 2023-03-13");
    }

    @Test
    void followsASearchInTwoScripts() {
        for (String q : List.of("sanctions", "تحریم")) {
            Map<String, String> search = params("q", q);
            Page page = atom(search);
            sameQuotesAsTheList(page, search);
            assertThat(page.feed().getTitleEx().getValue()).isEqualTo("Dicta: quotes matching “" + q + "”");
            assertThat(page.feed().getAlternateLinks()).extracting(Link::getHref)
                    .containsExactly(base() + "#/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            for (String id : page.entries().keySet()) {
                // The variants that match, as the list shows them.
                List<String> matching = given().queryParams(search).queryParam("limit", 100).when().get("/api/v1/quotes")
                        .then().extract().jsonPath().getList("items.find { it.id == '" + id + "' }.variants.lang", String.class);
                assertThat(page.variants(id)).extracting(div -> div.getAttributeNS(AtomRules.XML_NS, "lang"))
                        .containsExactlyElementsOf(matching);
            }
        }
    }

    @Test
    void aCorrectionUpdatesTheEntryAndMovesItToTheTop() {
        String id = "lukashenko-real-and-false-friends";
        Map<String, String> parameters = params("speaker", LUKASHENKO);
        Page before = atom(parameters);
        Entry old = before.entries().get(id);
        assertThat(old.getSummary()).isNull();
        String etag = given().when().get("/api/v1/quotes/" + id).then().statusCode(200).extract().header("ETag");
        String reason = "Tagged with trade: the friends he means are trading partners <as the reports say> & more.";
        given().auth().oauth2(EditorTokens.editor("desk-editor")).contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("topics", List.of("international-relations", "trade"), "reason", reason))
                .when().patch("/api/v1/quotes/" + id)
                .then().statusCode(200);

        Page after = atom(parameters);
        assertThat(after.order().get(0)).as("the corrected quote comes first").isEqualTo(id);
        Entry corrected = after.entries().get(id);
        assertThat(corrected.getUpdated()).isAfter(old.getUpdated());
        assertThat(corrected.getPublished()).as("first recorded, not corrected").isEqualTo(old.getPublished());
        assertThat(corrected.getSummary().getValue()).startsWith("Corrected ").endsWith(": " + reason);
        assertThat(AtomRules.text(after.dom(), "/a:feed/a:entry[a:id='" + ENTRY_ID + id + "']/a:content/h:div/h:p[@class='correction']"))
                .contains(reason);
        assertThat(corrected.getCategories()).extracting(Category::getTerm)
                .containsExactlyInAnyOrder("international-relations", "trade");
        assertThat(after.feed().getUpdated()).isEqualTo(corrected.getUpdated());
        showsTheQuote(after, id, null);
        // The same entry in the feed of the topic it now has.
        assertThat(atom(params("topic", "trade")).entries()).containsKey(id);
    }

    @Test
    void aRetractionIsATombstoneWithItsReason() {
        String id = "lukashenko-supports-beijing-proposals";
        Map<String, String> parameters = params("speaker", LUKASHENKO);
        assertThat(atom(parameters).entries()).containsKey(id);
        String etag = given().when().get("/api/v1/quotes/" + id).then().statusCode(200).extract().header("ETag");
        String reason = "Misattributed: the words are the agency's <summary>, not his.";
        given().auth().oauth2(EditorTokens.admin("chief-editor")).header("If-Match", etag).queryParam("reason", reason)
                .when().delete("/api/v1/quotes/" + id)
                .then().statusCode(204);

        Page after = atom(parameters);
        assertThat(after.entries()).as("no entry for a retracted quote").doesNotContainKey(id);
        assertThat(after.tombstones()).contains(id);
        assertThat(after.order().get(0)).as("the retraction is the newest change").isEqualTo(id);
        Element tombstone = AtomRules.elements(after.dom(), "/a:feed/at:deleted-entry[@ref='" + ENTRY_ID + id + "']").get(0);
        assertThat(AtomRules.text(tombstone, "at:comment")).isEqualTo(reason);
        String retractedAt = quote(id).getString("retraction.at");
        assertThat(Instant.parse(tombstone.getAttribute("when")))
                .isEqualTo(Instant.parse(retractedAt).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(AtomRules.text(tombstone, "a:link[@rel='related']/@href")).isEqualTo(base() + "api/v1/quotes/" + id);
        assertThat(after.feed().getUpdated()).isEqualTo(java.util.Date.from(Instant.parse(tombstone.getAttribute("when"))));
        // In the list, the quote is gone; in the feed of its topic and of one of its languages, a tombstone too.
        assertThat(listed(parameters)).doesNotContain(id);
        assertThat(atom(params("topic", "war-in-ukraine")).tombstones()).contains(id);

        JsonNode json = jsonFeed(params("speaker", LUKASHENKO));
        JsonNode item = items(json).stream().filter(i -> i.path("_dicta").path("quote").asText().equals(id)).findFirst().orElseThrow();
        assertThat(item.path("_dicta").path("retracted").asBoolean()).isTrue();
        assertThat(item.path("_dicta").path("retraction").path("reason").asText()).isEqualTo(reason);
        assertThat(item.path("content_text").asText()).isEqualTo(reason);
        assertThat(item.path("title").asText()).startsWith("Retracted: ");
        assertThat(items(json).get(0).path("id").asText()).isEqualTo(ENTRY_ID + id);
    }

    @Test
    void pagesOfOlderEntriesReachEveryQuoteOnce() {
        Map<String, String> all = params();
        Page whole = atom(all);
        assertThat(whole.order()).as("50 to a page").hasSizeLessThanOrEqualTo(50);
        List<String> seen = new ArrayList<>();
        Page page = atom(params("limit", "4"));
        String first = page.link("first");
        assertThat(first).isEqualTo(base() + "api/v1/feeds/quotes?limit=4");
        int pages = 1;
        while (true) {
            assertThat(page.order()).hasSizeLessThanOrEqualTo(4);
            assertThat(page.link("first")).isEqualTo(first);
            seen.addAll(page.order());
            String next = page.link("next");
            if (next == null) {
                break;
            }
            assertThat(page.order()).hasSize(4);
            assertThat(page.response().header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
            page = atomAt(next);
            pages++;
            // Every page says when the whole feed last changed.
            assertThat(page.feed().getUpdated()).isEqualTo(whole.feed().getUpdated());
        }
        assertThat(pages).isGreaterThan(5);
        assertThat(seen).as("no entry twice").doesNotHaveDuplicates();
        Set<String> everyQuote = new HashSet<>(listed(params()));
        assertThat(seen).as("every quote reachable").containsAll(everyQuote);
        if (whole.link("next") == null) {
            assertThat(seen).containsExactlyElementsOf(whole.order());
        }
    }

    @Test
    void servesJsonFeedOneOne() throws Exception {
        Map<String, String> parameters = params("speaker", LUKASHENKO, "lang", "fa");
        Response response = given().accept("application/feed+json").queryParams(parameters).when().get(FEED)
                .then().statusCode(200).contentType("application/feed+json").header("Vary", containsString("Accept"))
                .extract().response();
        JsonNode feed = JSON.readTree(response.asByteArray());
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asText()).isEqualTo("Dicta: quotes by آلکساندر لوکاشنکو in Persian");
        assertThat(feed.path("home_page_url").asText()).isEqualTo(base() + "#/search?speaker=alexander-lukashenko&lang=fa");
        assertThat(feed.path("feed_url").asText()).isEqualTo(base() + "api/v1/feeds/quotes?speaker=alexander-lukashenko&lang=fa");
        assertThat(feed.path("language").asText()).isEqualTo("fa");
        Page atom = atom(parameters);
        assertThat(items(feed).stream().map(item -> item.path("id").asText()).toList())
                .containsExactlyElementsOf(atom.order().stream().map(id -> ENTRY_ID + id).toList());
        for (JsonNode item : items(feed)) {
            String id = item.path("_dicta").path("quote").asText();
            if (item.path("_dicta").path("retracted").asBoolean()) {
                continue;
            }
            Entry entry = atom.entries().get(id);
            assertThat(item.path("url").asText()).isEqualTo(base() + "#/quotes/" + id);
            assertThat(item.path("external_url").asText()).isEqualTo(base() + "api/v1/quotes/" + id);
            assertThat(item.path("title").asText()).isEqualTo(entry.getTitleEx().getValue());
            assertThat(item.path("authors").get(0).path("name").asText()).isEqualTo("آلکساندر لوکاشنکو");
            assertThat(Instant.parse(item.path("date_modified").asText())).isEqualTo(entry.getUpdated().toInstant());
            assertThat(Instant.parse(item.path("date_published").asText())).isEqualTo(entry.getPublished().toInstant());
            List<String> texts = quote(id).getList("variants.findAll { it.lang == 'fa' }.text", String.class);
            List<String> shown = new ArrayList<>();
            item.path("_dicta").path("variants").forEach(v -> {
                assertThat(v.path("dir").asText()).isEqualTo("rtl");
                shown.add(v.path("text").asText());
            });
            assertThat(shown).containsExactlyElementsOf(texts);
            assertThat(item.path("content_html").asText()).contains("dir=\"rtl\"").contains("xml:lang=\"fa\"");
            assertThat(item.path("content_text").asText()).isEqualTo(texts.stream().map(t -> "[fa] " + t)
                    .collect(Collectors.joining("\n\n")));
            assertThat(item.path("tags")).isNotEmpty();
        }
    }

    @Test
    void revalidatesWithETagAndLastModified() {
        Map<String, String> parameters = params("topic", "north-south-corridor");
        Response first = given().queryParams(parameters).when().get(FEED).then().statusCode(200)
                .header("Cache-Control", equalTo("public, no-cache"))
                .header("Vary", containsString("Accept"))
                .extract().response();
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        Instant modified = Instant.from(HTTP_DATE.parse(lastModified));
        Instant fetched = Instant.now();
        assertThat(modified).isBeforeOrEqualTo(fetched);
        // The JSON Feed of the same quotes is another representation, with another ETag.
        assertThat(given().accept("application/feed+json").queryParams(parameters).when().get(FEED).header("ETag"))
                .isNotEqualTo(etag);

        given().queryParams(parameters).header("If-None-Match", etag).when().get(FEED)
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", equalTo("public, no-cache"))
                .body(equalTo(""));
        given().queryParams(parameters).header("If-Modified-Since", HTTP_DATE.format(fetched)).when().get(FEED)
                .then().statusCode(304).header("ETag", etag);
        given().queryParams(parameters).header("If-Modified-Since", HTTP_DATE.format(modified.minusSeconds(1))).when().get(FEED)
                .then().statusCode(200);
        given().queryParams(parameters).header("If-None-Match", "\"other\"").header("If-Modified-Since", HTTP_DATE.format(fetched))
                .when().get(FEED).then().statusCode(200); // If-None-Match decides

        String id = "khamenei-north-south-corridor";
        String quoteTag = given().when().get("/api/v1/quotes/" + id).then().extract().header("ETag");
        given().auth().oauth2(EditorTokens.editor("desk-editor")).contentType("application/merge-patch+json")
                .header("If-Match", quoteTag)
                .body(Map.of("topics", List.of("north-south-corridor", "trade", "bilateral-relations"), "reason", "Also about relations."))
                .when().patch("/api/v1/quotes/" + id)
                .then().statusCode(200);

        Response changed = given().queryParams(parameters).header("If-None-Match", etag).when().get(FEED)
                .then().statusCode(200).extract().response();
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.asString()).contains("Also about relations.");
        given().queryParams(parameters).header("If-Modified-Since", lastModified).when().get(FEED).then().statusCode(200);
        given().queryParams(parameters).header("If-None-Match", changed.header("ETag")).when().get(FEED).then().statusCode(304);
    }

    @Test
    void aFeedReaderSubscribesWithTheUrlAlone() {
        for (String accept : List.of("*/*", "application/xml", "text/xml",
                "application/rss+xml, application/atom+xml;q=0.9, application/xml;q=0.8, */*;q=0.5",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")) {
            given().accept(accept).queryParam("speaker", LUKASHENKO).when().get(FEED)
                    .then().statusCode(200).contentType(startsWith("application/atom+xml"));
        }
        given().queryParam("speaker", LUKASHENKO).when().get(FEED).then().statusCode(200).contentType(startsWith("application/atom+xml"));
        given().header("Origin", "https://newsroom.example").queryParam("speaker", LUKASHENKO).when().get(FEED)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        for (String accept : List.of("text/html", "application/json", "image/png")) {
            given().accept(accept).when().get(FEED)
                    .then().statusCode(406).contentType("application/problem+json")
                    .body("detail", containsString(accept));
        }
        // Accept-Language does not change a subscription's feed: its URL alone decides.
        String plain = given().queryParam("speaker", LUKASHENKO).when().get(FEED).then().extract().header("ETag");
        given().header("Accept-Language", "fa").queryParam("speaker", LUKASHENKO).when().get(FEED)
                .then().statusCode(200).header("ETag", plain);
    }

    @Test
    void keepsRightToLeftAndMarkupLikeTextExact() {
        MarkupFixture.ensure();
        Page page = atom(params("speaker", "iran", "lang", "fa"));
        Element div = page.variants(MarkupFixture.QUOTE).get(0);
        assertThat(AtomRules.text(div, "h:blockquote/h:p")).isEqualTo(MarkupFixture.TEXT);
        assertThat(AtomRules.text(div, "h:p[@class='source']/h:cite")).isEqualTo(MarkupFixture.HEADLINE);
        assertThat(AtomRules.elements(div, ".//h:b | .//h:script | .//h:img")).as("markup in the text stays text").isEmpty();
        assertThat(page.entries().get(MarkupFixture.QUOTE).getTitleEx().getValue()).contains("<b>");
        assertThat(page.xml()).contains("&lt;b&gt;").contains("&#xD;");
        JsonNode item = items(jsonFeed(params("speaker", "iran", "lang", "fa"))).stream()
                .filter(i -> i.path("_dicta").path("quote").asText().equals(MarkupFixture.QUOTE)).findFirst().orElseThrow();
        assertThat(item.path("_dicta").path("variants").get(0).path("text").asText()).isEqualTo(MarkupFixture.TEXT);
        Document html = AtomRules.parse(item.path("content_html").asText());
        assertThat(AtomRules.text(html, "/h:div/h:div/h:blockquote/h:p")).isEqualTo(MarkupFixture.TEXT);
    }

    @Test
    void refusesInvalidFiltersNamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("lang=xx", "lang");
        cases.put("from=2023-02-30", "from");
        cases.put("from=2023-03-14&to=2023-03-13", "from");
        cases.put("mode=shouted", "mode");
        cases.put("speaker=Not%20An%20Id", "speaker");
        cases.put("updated_since=yesterday", "updated_since");
        cases.put("q=" + "a".repeat(501), "q");
        cases.put("q=%22%22", "q");
        cases.put("limit=0", "limit");
        cases.put("limit=101", "limit");
        cases.put("cursor=not-a-cursor", "cursor");
        cases.put("include_retracted=true", "include_retracted");
        cases.put("sort=relevance&q=sanctions", "sort");
        cases.put("speaker=nobody-at-all", "speaker");
        cases.put("topic=no-such-topic", "topic");
        cases.put("meeting=no-such-meeting", "meeting");
        cases.forEach((query, parameter) -> {
            Response response = given().urlEncodingEnabled(false).when().get(FEED + "?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).isEqualTo("application/problem+json");
            assertThat(response.jsonPath().getList("violations.field", String.class)).as(query).contains(parameter);
        });
        // A cursor of another feed, or of the quote list, is refused.
        String next = atom(params("speaker", LUKASHENKO, "limit", "2")).link("next");
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length());
        given().queryParam("speaker", "ali-khamenei").queryParam("cursor", cursor).when().get(FEED)
                .then().statusCode(400).body("violations.field", hasItem("cursor"));
        String listCursor = given().queryParam("limit", 2).when().get("/api/v1/quotes").then().extract().jsonPath().getString("cursor");
        given().queryParam("cursor", listCursor).when().get(FEED)
                .then().statusCode(400).body("violations.field", hasItem("cursor"));
        // A forged cursor with the right filters but a key that is no key.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("v1|"
                + new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8).split("\\|")[1]
                + "|nonsense").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("speaker", LUKASHENKO).queryParam("cursor", forged).when().get(FEED)
                .then().statusCode(400).body("violations.field", hasItem("cursor"));
    }

    @Test
    void anEmptyFeedIsStillAValidFeed() {
        Page empty = atom(params("speaker", "iran", "lang", "ur"));
        assertThat(empty.order()).isEmpty();
        assertThat(empty.feed().getUpdated().toInstant()).isEqualTo(Instant.EPOCH);
        assertThat(empty.link("next")).isNull();
    }

    private static JsonNode jsonFeed(Map<String, String> parameters) {
        try {
            return JSON.readTree(given().accept("application/feed+json").queryParams(parameters).when().get(FEED)
                    .then().statusCode(200).extract().asByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> items(JsonNode feed) {
        List<JsonNode> items = new ArrayList<>();
        feed.path("items").forEach(items::add);
        return items;
    }

    /** A Persian quote whose words look like markup and span two lines, and a headline with a script element. */
    static final class MarkupFixture {

        static final String SOURCE = "feed-markup-report";
        static final String QUOTE = "iran-markup-in-a-feed";
        static final String TEXT = "ایران گفت <b>تحریم</b> & ]]> \"پایان\"\r\nخط دوم";
        static final String HEADLINE = "گزارش <i>ویژه</i><script>alert(1)</script>";

        static synchronized void ensure() {
            if (given().when().get("/api/v1/quotes/" + QUOTE).statusCode() == 200) {
                return;
            }
            String token = EditorTokens.editor("feed-tests");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("id", SOURCE, "lang", "fa", "date", "2023-03-13", "headline", HEADLINE,
                            "text", "گزارش.\n" + TEXT + "\nپایان گزارش.\n", "reason", "Feed tests: markup and line breaks"))
                    .when().post("/api/v1/sources")
                    .then().statusCode(201);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("id", QUOTE, "speaker", "iran", "meeting", "2023-03-13-raisi-lukashenko-talks",
                            "topics", List.of("sanctions"),
                            "variants", List.of(Map.of("source", SOURCE, "mode", "direct", "text", TEXT)),
                            "reason", "Feed tests: markup and line breaks"))
                    .when().post("/api/v1/quotes")
                    .then().statusCode(201);
        }
    }
}
