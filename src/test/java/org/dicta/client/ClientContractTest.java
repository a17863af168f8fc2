package org.dicta.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dicta.client.api.FeedsApi;
import org.dicta.client.api.ImportsApi;
import org.dicta.client.api.LanguagesApi;
import org.dicta.client.api.MeetingsApi;
import org.dicta.client.api.QuotesApi;
import org.dicta.client.api.SourcesApi;
import org.dicta.client.api.SpeakersApi;
import org.dicta.client.api.StatementFinderApi;
import org.dicta.client.api.TopicsApi;
import org.dicta.client.api.WebhooksApi;
import org.dicta.client.model.ImportReport;
import org.dicta.client.model.JsonFeed;
import org.dicta.client.model.JsonFeedAuthor;
import org.dicta.client.model.JsonFeedItem;
import org.dicta.client.model.DateMention;
import org.dicta.client.model.MeetingStatements;
import org.dicta.client.model.ProposedStatement;
import org.dicta.client.model.ReportCandidates;
import org.dicta.client.model.TextToRead;
import org.dicta.client.model.Language;
import org.dicta.client.model.Meeting;
import org.dicta.client.model.MeetingInput;
import org.dicta.client.model.PageQuoteView;
import org.dicta.client.model.ParticipantInput;
import org.dicta.client.model.ParticipantRole;
import org.dicta.client.model.Problem;
import org.dicta.client.model.Quote;
import org.dicta.client.model.QuoteInput;
import org.dicta.client.model.QuotePatch;
import org.dicta.client.model.QuoteVariantPatch;
import org.dicta.client.model.SpeakerPatch;
import org.dicta.client.model.SourcePatch;
import org.dicta.client.model.MeetingPatch;
import org.dicta.client.model.QuoteMode;
import org.dicta.client.model.QuoteSort;
import org.dicta.client.model.QuoteVariant;
import org.dicta.client.model.QuoteVariantInput;
import org.dicta.client.model.Revision;
import org.dicta.client.model.RevisionAction;
import org.dicta.client.model.Source;
import org.dicta.client.model.SourceInput;
import org.dicta.client.model.SourceSummary;
import org.dicta.client.model.Speaker;
import org.dicta.client.model.SpeakerInput;
import org.dicta.client.model.SpeakerKind;
import org.dicta.client.model.Subscription;
import org.dicta.client.model.SubscriptionFilter;
import org.dicta.client.model.SubscriptionInput;
import org.dicta.client.model.WebhookDelivery;
import org.dicta.client.model.WebhookEventType;
import org.dicta.client.model.TextDirection;
import org.dicta.support.EditorTokens;
import org.dicta.support.ClientProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The spec as a contract, proven by a client: the Java client that openapi-generator makes from the committed
 * openapi/openapi.yaml (at build time, in target/generated-clients) reads and writes everything through the running
 * application, and what it gets back agrees with the seed corpus in seeds/. The last test checks that every operation
 * of the spec was called.
 */
@QuarkusTest
@TestProfile(ClientProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path SEEDS = Path.of("seeds");
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    @TestHTTPResource("/")
    URI base;

    private static JsonNode corpus;

    private ApiClient anonymous;
    private ApiClient editor;
    private ApiClient admin;

    @BeforeAll
    static void readSeeds() throws IOException {
        corpus = YAML.readTree(SEEDS.resolve("annotations.yaml").toFile());
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setResponseInterceptor(response -> {
            if (response.statusCode() < 400) { // an operation counts as exercised once it has succeeded
                CALLED.add(response.request().method() + " " + response.request().uri().getPath());
            }
        });
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private ApiClient anonymous() {
        if (anonymous == null) {
            anonymous = client(null);
            editor = client(EditorTokens.editor("client-editor"));
            admin = client(EditorTokens.admin("client-admin"));
        }
        return anonymous;
    }

    private ApiClient editor() {
        anonymous();
        return editor;
    }

    private ApiClient admin() {
        anonymous();
        return admin;
    }

    // ---- reads ----

    @Test
    @Order(1)
    void pagesThroughEveryQuoteToTheEndAndEverySpanIsItsSourcesText() throws Exception {
        QuotesApi quotes = new QuotesApi(anonymous());
        List<Quote> all = pageThrough(cursor -> quotes.listQuotes(cursor, null, null, null, 4, null, null, null, null,
                null, null, null, null, null, null));

        assertThat(all).extracting(Quote::getId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(seedQuotes(quote -> true));
        Map<String, Source> sources = new HashMap<>();
        SourcesApi sourcesApi = new SourcesApi(anonymous());
        for (Quote quote : all) {
            assertThat(quote.getVariants()).hasSize(seedQuote(quote.getId()).get("variants").size());
            for (QuoteVariant variant : quote.getVariants()) {
                Source source = sources.computeIfAbsent(variant.getSource().getId(), id -> call(() -> sourcesApi.getSource(id, null)));
                assertThat(source.getText().substring(variant.getSpan().getStart(), variant.getSpan().getEnd()))
                        .as("span of variant %s of %s", variant.getId(), quote.getId()).isEqualTo(variant.getText());
                assertThat(variant.getLang()).isEqualTo(source.getLang());
            }
        }
    }

    @Test
    @Order(2)
    void filtersBySpeakerMeetingTopicModeAndDateAgreeWithTheSeeds() throws Exception {
        QuotesApi quotes = new QuotesApi(anonymous());
        SpeakersApi speakers = new SpeakersApi(anonymous());
        MeetingsApi meetings = new MeetingsApi(anonymous());
        for (JsonNode speaker : corpus.get("speakers")) {
            String id = speaker.get("id").asText();
            Set<String> expected = seedQuotes(quote -> quote.get("speaker").asText().equals(id));
            assertThat(ids(pageThrough(cursor -> quotes.listSpeakerQuotes(id, cursor, null, null, null, 3, null, null,
                    null, null, null, null, null, null)))).as("quotes of %s", id).isEqualTo(expected);
            assertThat(ids(pageThrough(cursor -> quotes.listQuotes(cursor, null, null, null, 3, null, null, null, null,
                    List.of(id), null, null, null, null, null)))).as("quotes filtered by %s", id).isEqualTo(expected);
        }
        for (JsonNode meeting : corpus.get("meetings")) {
            String id = meeting.get("id").asText();
            Set<String> expected = seedQuotes(quote -> quote.get("meeting").asText().equals(id));
            assertThat(ids(pageThrough(cursor -> quotes.listMeetingQuotes(id, cursor, null, null, null, 5, null, null,
                    null, null, null, null, null, null)))).as("quotes of %s", id).isEqualTo(expected);
        }
        for (JsonNode topic : corpus.get("topics")) {
            String id = topic.get("id").asText();
            Set<String> expected = seedQuotes(quote -> StreamSupport.stream(quote.get("topics").spliterator(), false)
                    .anyMatch(tagged -> tagged.asText().equals(id)));
            assertThat(ids(pageThrough(cursor -> quotes.listQuotes(cursor, null, null, null, 5, null, null, null, null,
                    null, null, List.of(id), null, null, null)))).as("quotes on %s", id).isEqualTo(expected);
        }

        List<Quote> direct = pageThrough(cursor -> quotes.listQuotes(cursor, null, null, null, 5, null, QuoteMode.DIRECT,
                null, null, null, null, null, null, null, null));
        assertThat(ids(direct)).isEqualTo(seedQuotes(quote -> StreamSupport.stream(quote.get("variants").spliterator(), false)
                .anyMatch(variant -> variant.get("mode").asText().equals("direct"))));
        assertThat(direct).flatExtracting(Quote::getVariants).extracting(QuoteVariant::getMode).containsOnly(QuoteMode.DIRECT);

        LocalDate day = StreamSupport.stream(corpus.get("meetings").spliterator(), false).filter(meeting -> meeting.has("date"))
                .map(meeting -> LocalDate.parse(meeting.get("date").asText())).max(LocalDate::compareTo).orElseThrow();
        assertThat(quotes.listQuotes(null, day.plusDays(1), null, null, 100, null, null, null, null, null, null, null, null,
                null, null).getItems()).isEmpty();
        List<Quote> byDate = pageThrough(cursor -> quotes.listQuotes(cursor, day, null, null, 100, null, null, null,
                QuoteSort.DATE, null, day, null, null, null, null));
        assertThat(ids(byDate)).isEqualTo(seedQuotes(quote -> day.equals(meetingDate(quote.get("meeting").asText()))));
    }

    @Test
    @Order(3)
    void servesOneLanguageAsAskedByParameterOrHeader() throws Exception {
        QuotesApi quotes = new QuotesApi(anonymous());
        JsonNode seed = corpus.get("quotes").get(0);
        String id = seed.get("id").asText();
        for (JsonNode language : corpus.get("languages")) {
            String code = language.get("code").asText();
            String sourceOfLanguage = sourceIdsOfLanguage(code).iterator().next();
            String expected = StreamSupport.stream(seed.get("variants").spliterator(), false)
                    .filter(variant -> sourceIdsOfLanguage(code).contains(variant.get("source").asText()))
                    .map(variant -> variant.get("text").asText()).findFirst().orElseThrow(() -> new AssertionError(sourceOfLanguage));

            Quote byParameter = quotes.getQuote(id, null, code, null, null);
            assertThat(byParameter.getLang()).isEqualTo(code);
            assertThat(byParameter.getText()).isEqualTo(expected);
            assertThat(byParameter.getVariants()).extracting(QuoteVariant::getLang).containsOnly(code);

            Quote byHeader = quotes.getQuote(id, null, null, code + ";q=1, en;q=0.1", null);
            assertThat(byHeader.getText()).isEqualTo(expected);
        }
        Quote all = quotes.getQuote(id, null, null, null, null);
        assertThat(all.getLang()).isNull();
        assertThat(all.getVariants()).extracting(QuoteVariant::getLang).containsExactlyInAnyOrder("ar", "fa", "en", "ur");

        List<Language> languages = new LanguagesApi(anonymous()).listLanguages().getItems();
        assertThat(languages).extracting(Language::getCode).containsExactlyInAnyOrderElementsOf(
                StreamSupport.stream(corpus.get("languages").spliterator(), false).map(language -> language.get("code").asText()).toList());
        assertThat(languages).filteredOn(language -> !language.getCode().equals("en"))
                .extracting(Language::getDirection).containsOnly(TextDirection.RTL);

        var topics = new TopicsApi(anonymous()).listTopics("ur", null).getItems();
        assertThat(topics).hasSize(corpus.get("topics").size());
        for (JsonNode topic : corpus.get("topics")) {
            assertThat(topics).filteredOn(served -> served.getId().equals(topic.get("id").asText()))
                    .singleElement().satisfies(served -> assertThat(served.getLabels()).containsEntry("ur",
                            topic.get("labels").get("ur").asText()));
        }
    }

    @Test
    @Order(4)
    void searchesInEveryScript() throws Exception {
        QuotesApi quotes = new QuotesApi(anonymous());
        JsonNode seed = seedQuote("khamenei-north-south-corridor");
        for (JsonNode variant : seed.get("variants")) {
            String lang = sourceLanguage(variant.get("source").asText());
            String phrase = "\"" + String.join(" ", List.of(variant.get("text").asText().split("\\s+")).subList(0, 3)) + "\"";
            List<Quote> found = pageThrough(cursor -> quotes.listQuotes(cursor, null, null, lang, 10, null, null, phrase,
                    null, null, null, null, null, null, null));
            assertThat(ids(found)).as("%s in %s", phrase, lang).contains(seed.get("id").asText());
            assertThat(found).flatExtracting(Quote::getVariants).extracting(QuoteVariant::getLang).containsOnly(lang);
        }
        Quote random = quotes.getRandomQuote("ur", null, null, null, null);
        assertThat(seedQuotes(quote -> true)).contains(random.getId());
        assertThat(random.getLang()).isEqualTo("ur");
        assertThat(random.getVariants()).isNotEmpty().extracting(QuoteVariant::getLang).containsOnly("ur");
    }

    @Test
    @Order(5)
    void speakersMeetingsSourcesVariantsAndHistoriesAreServed() throws Exception {
        SpeakersApi speakers = new SpeakersApi(anonymous());
        List<Speaker> allSpeakers = pageThrough(cursor -> speakers.listSpeakers(cursor, null, 2, null, null),
                page -> page.getItems(), page -> page.getNextCursor());
        assertThat(allSpeakers).extracting(Speaker::getId).containsExactlyInAnyOrderElementsOf(seedIds("speakers"));
        Speaker khamenei = speakers.getSpeaker("ali-khamenei", null, null, null);
        assertThat(khamenei.getKind()).isEqualTo(SpeakerKind.PERSON);
        assertThat(khamenei.getNames()).containsEntry("en", seedEntry("speakers", "ali-khamenei").get("names").get("en").asText());
        String persianName = seedEntry("speakers", "ali-khamenei").get("names").get("fa").asText();
        assertThat(speakers.listSpeakers(null, null, null, persianName, null).getItems()).extracting(Speaker::getId)
                .contains("ali-khamenei");

        MeetingsApi meetings = new MeetingsApi(anonymous());
        List<Meeting> allMeetings = pageThrough(cursor -> meetings.listMeetings(cursor, null, 1, null),
                page -> page.getItems(), page -> page.getNextCursor());
        assertThat(allMeetings).extracting(Meeting::getId).containsExactlyInAnyOrderElementsOf(seedIds("meetings"));
        JsonNode seedMeeting = corpus.get("meetings").get(0);
        Meeting meeting = meetings.getMeeting(seedMeeting.get("id").asText(), null, null, null);
        assertThat(meeting.getDate()).isEqualTo(LocalDate.parse(seedMeeting.get("date").asText()));
        assertThat(meeting.getParticipants()).hasSize(seedMeeting.get("participants").size());
        assertThat(meeting.getSources()).extracting(SourceSummary::getId)
                .containsExactlyInAnyOrderElementsOf(textsOf(seedMeeting.get("sources")));

        SourcesApi sources = new SourcesApi(anonymous());
        List<SourceSummary> allSources = pageThrough(cursor -> sources.listSources(cursor, null, 2, null),
                page -> page.getItems(), page -> page.getNextCursor());
        assertThat(allSources).extracting(SourceSummary::getId).containsExactlyInAnyOrderElementsOf(seedIds("sources"));
        for (SourceSummary summary : allSources) {
            Source source = sources.getSource(summary.getId(), null);
            String file = Files.readString(SEEDS.resolve(seedEntry("sources", summary.getId()).get("file").asText()));
            assertThat(source.getText()).isEqualTo(file);
            assertThat(source.getLength()).isEqualTo(file.length());
            assertThat(source.getSha256()).isEqualTo(sha256(file)).isEqualTo(summary.getSha256());
        }

        QuotesApi quotes = new QuotesApi(anonymous());
        Quote quote = quotes.getQuote("khamenei-north-south-corridor", null, null, null, null);
        for (QuoteVariant variant : quote.getVariants()) {
            assertThat(quotes.getQuoteVariant(quote.getId(), variant.getId(), null)).isEqualTo(variant);
        }
    }

    @Test
    @Order(6)
    void errorsArriveAsTypedProblems() throws Exception {
        QuotesApi quotes = new QuotesApi(anonymous());
        Problem missing = problem(() -> quotes.getQuote("no-such-quote", null, null, null, null), 404);
        assertThat(missing.getDetail()).contains("no-such-quote");
        assertThat(missing.getInstance()).isEqualTo("/api/v1/quotes/no-such-quote");

        Problem badLimit = problem(() -> quotes.listQuotes(null, null, null, null, 0, null, null, null, null, null, null,
                null, null, null, null), 400);
        assertThat(badLimit.getViolations()).extracting(violation -> violation.getField()).containsExactly("limit");

        Problem forged = problem(() -> quotes.listQuotes("not-a-cursor", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null), 400);
        assertThat(forged.getDetail()).containsIgnoringCase("cursor");

        problem(() -> new SpeakersApi(anonymous()).getSpeaker("no-such-speaker", null, null, null), 404);
        problem(() -> new MeetingsApi(anonymous()).getMeeting("no-such-meeting", null, null, null), 404);
        problem(() -> new SourcesApi(anonymous()).getSource("no-such-source", null), 404);

        String etag = quotes.getQuoteWithHttpInfo("khamenei-north-south-corridor", null, null, null, null)
                .getHeaders().get("etag").get(0);
        ApiException notModified = catchThrowableOfType(ApiException.class,
                () -> quotes.getQuote("khamenei-north-south-corridor", null, null, null, etag));
        assertThat(notModified.getCode()).isEqualTo(304);

        Problem unauthenticated = problem(() -> quotes.createQuote(new QuoteInput().speaker("ali-khamenei")
                .meeting("2023-03-13-leader-receives-lukashenko")), 401);
        assertThat(unauthenticated.getType()).isEqualTo("/problems/unauthenticated");
    }

    @Test
    @Order(7)
    void followsASpeakerInAJsonFeed() throws Exception {
        FeedsApi feeds = new FeedsApi(anonymous());
        JsonFeed feed = feeds.getQuoteFeed(null, null, "fa", 3, null, null, null, List.of("alexander-lukashenko"), null, null,
                null, null, null);
        assertThat(feed.getVersion()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.getItems()).hasSize(3);
        for (JsonFeedItem item : feed.getItems()) {
            assertThat(item.getAuthors()).extracting(JsonFeedAuthor::getName).containsExactly("آلکساندر لوکاشنکو");
            assertThat(item.getDicta().getVariants()).isNotEmpty().allSatisfy(variant -> {
                assertThat(variant.getLang()).isEqualTo("fa");
                assertThat(variant.getDir()).hasToString("rtl");
            });
        }
        String next = feed.getNextUrl();
        String cursor = java.net.URLDecoder.decode(next.substring(next.indexOf("cursor=") + "cursor=".length()), StandardCharsets.UTF_8);
        JsonFeed older = feeds.getQuoteFeed(cursor, null, "fa", 3, null, null, null, List.of("alexander-lukashenko"), null, null,
                null, null, null);
        assertThat(older.getItems()).extracting(JsonFeedItem::getId).doesNotContainAnyElementsOf(
                feed.getItems().stream().map(JsonFeedItem::getId).toList());
    }

    // ---- editorial writes ----

    @Test
    @Order(10)
    void reimportingTheSeedsChangesNothing() throws Exception {
        Path zip = Files.createTempFile("dicta-corpus", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            try (var files = Files.list(SEEDS)) {
                for (Path file : files.filter(file -> file.toString().endsWith(".txt")
                        || file.getFileName().toString().equals("annotations.yaml")).toList()) {
                    archive.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, archive);
                    archive.closeEntry();
                }
            }
        }
        // openapi-generator's native Java client JSON-encodes a binary body (OpenAPITools/openapi-generator#17801);
        // until it is fixed, a request interceptor sends the file's bytes. docs/front-end.md, "Typed clients", says so.
        ApiClient importer = client(EditorTokens.admin("client-admin"));
        importer.setRequestInterceptor(request -> {
            request.header("Authorization", "Bearer " + EditorTokens.admin("client-admin"));
            request.method("POST", call(() -> {
                try {
                    return java.net.http.HttpRequest.BodyPublishers.ofFile(zip);
                } catch (java.io.FileNotFoundException e) {
                    throw new ApiException(e);
                }
            }));
        });
        ImportReport report = new ImportsApi(importer).importCorpus(zip.toFile());
        assertThat(report.getQuotes().getCreated()).isEmpty();
        assertThat(report.getQuotes().getUpdated()).isEmpty();
        assertThat(report.getQuotes().getUnchanged()).containsExactlyInAnyOrderElementsOf(seedQuotes(quote -> true));
        assertThat(report.getSources().getUnchanged()).containsExactlyInAnyOrderElementsOf(seedIds("sources"));
        Files.delete(zip);
    }

    @Test
    @Order(11)
    void anEditorRecordsANewStatementFromANewSourceAndCorrectsIt() throws Exception {
        String text = "Minsk and Tehran signed a roadmap. «We will build the corridor together», the minister said.";
        String words = "We will build the corridor together";

        Speaker minister = new SpeakersApi(admin()).createSpeaker(new SpeakerInput().id("client-minister")
                .kind(SpeakerKind.PERSON).names(Map.of("en", "A Minister")).reason("New speaker"));
        assertThat(minister.getNames()).containsEntry("en", "A Minister");
        Source report = new SourcesApi(editor()).createSource(new SourceInput().id("client-report").lang("en")
                .publisher("Client Wire").headline("Roadmap signed").date(LocalDate.of(2023, 3, 14)).text(text)
                .reason("New report"));
        assertThat(report.getSha256()).isEqualTo(sha256(text));
        Meeting meeting = new MeetingsApi(editor()).createMeeting(new MeetingInput().id("client-meeting")
                .date(LocalDate.of(2023, 3, 14)).titles(Map.of("en", "Roadmap signing"))
                .participants(List.of(new ParticipantInput().speaker("client-minister").role(ParticipantRole.HOST)))
                .sources(List.of("client-report")).reason("New meeting"));
        assertThat(meeting.getParticipants()).hasSize(1);

        QuotesApi quotes = new QuotesApi(editor());
        Quote created = quotes.createQuote(new QuoteInput().id("client-corridor").speaker("client-minister")
                .meeting("client-meeting").topics(List.of("north-south-corridor"))
                .variants(List.of(new QuoteVariantInput().source("client-report").mode(QuoteMode.DIRECT).text(words)))
                .reason("New statement"));
        QuoteVariant variant = created.getVariants().get(0);
        assertThat(variant.getSpan().getStart()).isEqualTo(text.indexOf(words));
        assertThat(variant.getSpan().getEnd()).isEqualTo(text.indexOf(words) + words.length());

        String etag = etag(quotes.getQuoteWithHttpInfo("client-corridor", null, null, null, null).getHeaders());
        Quote patched = quotes.patchQuote("client-corridor", new QuotePatch().topics(List.of("north-south-corridor", "trade"))
                .reason("Also about trade"), etag);
        assertThat(patched.getTopics()).extracting(topic -> topic.getId()).containsExactlyInAnyOrder("north-south-corridor", "trade");
        assertThat(patched.getVariants()).hasSize(1);

        etag = etag(quotes.getQuoteWithHttpInfo("client-corridor", null, null, null, null).getHeaders());
        Quote replaced = quotes.replaceQuote("client-corridor", new QuoteInput().speaker("client-minister")
                .meeting("client-meeting").topics(List.of("north-south-corridor"))
                .variants(List.of(new QuoteVariantInput().source("client-report").mode(QuoteMode.INDIRECT)
                        .text("Minsk and Tehran signed a roadmap")))
                .reason("Attribute the summary instead"), etag);
        assertThat(replaced.getVariants()).singleElement().satisfies(only -> {
            assertThat(only.getMode()).isEqualTo(QuoteMode.INDIRECT);
            assertThat(only.getSpan().getStart()).isZero();
        });

        etag = etag(quotes.getQuoteWithHttpInfo("client-corridor", null, null, null, null).getHeaders());
        Quote added = quotes.addQuoteVariant("client-corridor", new QuoteVariantInput().source("client-report")
                .mode(QuoteMode.DIRECT).text(words), "The words themselves", etag);
        assertThat(added.getVariants()).hasSize(2);
        long added2 = added.getVariants().stream().filter(v -> v.getText().equals(words)).findFirst().orElseThrow().getId();

        etag = etag(quotes.getQuoteWithHttpInfo("client-corridor", null, null, null, null).getHeaders());
        Quote noted = quotes.patchQuoteVariant("client-corridor", added2, new QuoteVariantPatch().note("In guillemets."), etag);
        assertThat(noted.getVariants()).filteredOn(v -> v.getId() == added2).singleElement()
                .satisfies(v -> assertThat(v.getNote()).isEqualTo("In guillemets."));

        etag = etag(quotes.getQuoteWithHttpInfo("client-corridor", null, null, null, null).getHeaders());
        Quote narrowed = quotes.replaceQuoteVariant("client-corridor", added2, new QuoteVariantInput().source("client-report")
                .mode(QuoteMode.DIRECT).text("build the corridor together"), "Only the words in quotation marks", etag);
        assertThat(narrowed.getVariants()).filteredOn(v -> v.getId() == added2).singleElement()
                .satisfies(v -> assertThat(text.substring(v.getSpan().getStart(), v.getSpan().getEnd()))
                        .isEqualTo("build the corridor together"));

        etag = etag(quotes.getQuoteWithHttpInfo("client-corridor", null, null, null, null).getHeaders());
        long summary = narrowed.getVariants().stream().filter(v -> v.getId() != added2).findFirst().orElseThrow().getId();
        Quote removed = quotes.removeQuoteVariant("client-corridor", summary, "The summary is the reporter's", etag);
        assertThat(removed.getVariants()).extracting(QuoteVariant::getId).containsExactly(added2);

        problem(() -> quotes.patchQuote("client-corridor", new QuotePatch().reason("late"), "\"0\""), 412);

        List<Revision> history = quotes.listQuoteRevisions("client-corridor", null).getItems();
        assertThat(history).extracting(Revision::getAction).first().isEqualTo(RevisionAction.CREATE);
        assertThat(history).hasSize(7);
        assertThat(history).extracting(Revision::getReason).containsSubsequence("New statement", "Also about trade",
                "Attribute the summary instead", "The words themselves", "Only the words in quotation marks",
                "The summary is the reporter's");
        assertThat(history).extracting(Revision::getEditor).containsOnly("client-editor");

        etag = etag(quotes.getQuoteWithHttpInfo("client-corridor", null, null, null, null).getHeaders());
        problem(() -> quotes.retractQuote("client-corridor", "Misattributed", etag(quotes.getQuoteWithHttpInfo(
                "client-corridor", null, null, null, null).getHeaders())), 403);
        new QuotesApi(admin()).retractQuote("client-corridor", "Misattributed", etag);
        problem(() -> new QuotesApi(anonymous()).getQuote("client-corridor", null, null, null, null), 410);
        Quote retracted = new QuotesApi(editor()).getQuote("client-corridor", true, null, null, null);
        assertThat(retracted.getRetraction().getReason()).isEqualTo("Misattributed");
    }

    @Test
    @Order(12)
    void anEditorCorrectsAndRemovesSpeakersMeetingsAndSourcesNoQuoteCites() throws Exception {
        SpeakersApi speakers = new SpeakersApi(admin()); // speakers' identities are the admins'
        speakers.createSpeaker(new SpeakerInput().id("client-envoy").kind(SpeakerKind.PERSON).names(Map.of("en", "An Envoy"))
                .reason("New speaker"));
        Speaker renamed = speakers.patchSpeaker("client-envoy", new SpeakerPatch().names(Map.of("en", "The Envoy"))
                .reason("Name as in the report"), etagOfSpeaker("client-envoy"));
        assertThat(renamed.getNames()).containsEntry("en", "The Envoy");
        Speaker replaced = speakers.replaceSpeaker("client-envoy", new SpeakerInput().kind(SpeakerKind.PERSON)
                .names(Map.of("en", "The Envoy", "fa", "فرستاده")).country("BY").reason("Persian name"), etagOfSpeaker("client-envoy"));
        assertThat(replaced.getNames()).containsEntry("fa", "فرستاده");

        SourcesApi sources = new SourcesApi(editor());
        sources.createSource(new SourceInput().id("client-draft").lang("en").text("A draft.").reason("New report"));
        Source headlined = sources.patchSource("client-draft", new SourcePatch().headline("Draft").reason("Headline"),
                etagOfSource("client-draft"));
        assertThat(headlined.getHeadline()).isEqualTo("Draft");
        Source rewritten = sources.replaceSource("client-draft", new SourceInput().lang("en").text("A longer draft.")
                .headline("Draft").reason("New text"), etagOfSource("client-draft"));
        assertThat(rewritten.getText()).isEqualTo("A longer draft.");

        MeetingsApi meetings = new MeetingsApi(editor());
        meetings.createMeeting(new MeetingInput().id("client-call").titles(Map.of("en", "A call")).reason("New meeting"));
        Meeting dated = meetings.patchMeeting("client-call", new MeetingPatch().date(LocalDate.of(2023, 3, 15)).reason("Date"),
                etagOfMeeting("client-call"));
        assertThat(dated.getDate()).isEqualTo(LocalDate.of(2023, 3, 15));
        Meeting retitled = meetings.replaceMeeting("client-call", new MeetingInput().titles(Map.of("en", "A phone call"))
                .date(LocalDate.of(2023, 3, 15)).reason("Title"), etagOfMeeting("client-call"));
        assertThat(retitled.getTitles()).containsEntry("en", "A phone call");

        assertThat(new SpeakersApi(anonymous()).listSpeakerRevisions("client-envoy").getItems())
                .extracting(Revision::getAction, Revision::getReason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RevisionAction.CREATE, "New speaker"),
                        org.assertj.core.groups.Tuple.tuple(RevisionAction.UPDATE, "Name as in the report"),
                        org.assertj.core.groups.Tuple.tuple(RevisionAction.UPDATE, "Persian name"));
        assertThat(new SourcesApi(anonymous()).listSourceRevisions("client-draft").getItems())
                .extracting(Revision::getReason).containsExactly("New report", "Headline", "New text");
        assertThat(new MeetingsApi(anonymous()).listMeetingRevisions("client-call").getItems())
                .extracting(Revision::getReason).containsExactly("New meeting", "Date", "Title");

        problem(() -> meetings.deleteMeeting("client-call", "Never happened", etagOfMeeting("client-call")), 403);
        new MeetingsApi(admin()).deleteMeeting("client-call", "Never happened", etagOfMeeting("client-call"));
        new SourcesApi(admin()).deleteSource("client-draft", "Withdrawn", etagOfSource("client-draft"));
        speakers.deleteSpeaker("client-envoy", "Duplicate", etagOfSpeaker("client-envoy"));
        problem(() -> meetings.getMeeting("client-call", null, null, null), 404);
        problem(() -> sources.getSource("client-draft", null), 404);
        problem(() -> speakers.getSpeaker("client-envoy", null, null, null), 404);

        Problem cited = problem(() -> speakers.deleteSpeaker("ali-khamenei", "test", etagOfSpeaker("ali-khamenei")), 409);
        assertThat(cited.getDetail()).isNotBlank();
    }

    @Test
    @Order(13)
    void theStatementFinderReadsReportsAndItsDraftsArePostedAsTheyAre() throws Exception {
        StatementFinderApi finder = new StatementFinderApi(anonymous());
        String persian = new SourcesApi(anonymous()).getSource("001_e2ce688135970981", null).getText();
        ReportCandidates found = finder.findSourceCandidates("001_e2ce688135970981");
        assertThat(found.getItems()).isNotEmpty().allSatisfy(candidate -> assertThat(candidate.getText())
                .isEqualTo(persian.substring(candidate.getSpan().getStart(), candidate.getSpan().getEnd())));
        assertThat(found.getDates()).extracting(DateMention::getDate).containsExactly(LocalDate.of(2023, 3, 13));

        String text = "Ayatollah Khamenei said that \"the corridor will be built within two years.\"";
        ReportCandidates preview = new StatementFinderApi(editor()).findTextCandidates(
                new TextToRead().lang(TextToRead.LangEnum.EN).text(text));
        assertThat(preview.getItems()).singleElement().satisfies(candidate -> {
            assertThat(candidate.getText()).isEqualTo("the corridor will be built within two years");
            assertThat(candidate.getSpeaker().getId()).isEqualTo("ali-khamenei");
        });
        problem(() -> new StatementFinderApi(anonymous()).findTextCandidates(new TextToRead().lang(TextToRead.LangEnum.EN)
                .text(text)), 401);

        new SourcesApi(editor()).createSource(new SourceInput().id("client-finder-report").lang("en").text(text)
                .reason("New report"));
        new MeetingsApi(editor()).createMeeting(new MeetingInput().id("client-finder-meeting")
                .titles(Map.of("en", "Corridor talks"))
                .participants(List.of(new ParticipantInput().speaker("ali-khamenei").role(ParticipantRole.HOST)))
                .sources(List.of("client-finder-report")).reason("New meeting"));
        MeetingStatements proposed = finder.findMeetingStatements("client-finder-meeting");
        ProposedStatement statement = proposed.getStatements().get(0);
        assertThat(statement.getQuote()).isNull();
        Quote saved = new QuotesApi(editor()).createQuote(statement.getDraft());
        assertThat(saved.getSpeaker().getId()).isEqualTo("ali-khamenei");
        assertThat(saved.getVariants()).singleElement().satisfies(variant ->
                assertThat(variant.getText()).isEqualTo("the corridor will be built within two years"));
        assertThat(finder.findMeetingStatements("client-finder-meeting").getStatements().get(0).getQuote())
                .isEqualTo(saved.getId());
    }

    @Test
    @Order(14)
    void aSubscriberFollowsASpeakerSeesItsDeliveriesReplaysOneAndUnsubscribes() throws Exception {
        ApiClient bot = client(EditorTokens.withRoles("client-bot", Set.of("subscriber")));
        WebhooksApi webhooks = new WebhooksApi(bot);
        // A public address literal: this server checks targets as in production, and no DNS is needed.
        Subscription created = webhooks.createSubscription(new SubscriptionInput().url("https://93.184.215.14/hooks/client")
                .filter(new SubscriptionFilter().speaker(List.of("ali-khamenei")).lang("fa"))
                .events(List.of(WebhookEventType.QUOTE_UPDATED)));
        assertThat(created.getSecret()).startsWith("whsec_");
        assertThat(created.getFilter().getLang()).isEqualTo("fa");
        assertThat(created.getEvents()).containsExactly(WebhookEventType.QUOTE_UPDATED);
        assertThat(webhooks.listSubscriptions().getItems()).extracting(Subscription::getId).containsExactly(created.getId());
        assertThat(webhooks.getSubscription(created.getId()).getSecret()).isNull();
        String rotated = webhooks.rotateSubscriptionSecret(created.getId()).getSecret();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.getSecret());

        QuotesApi quotes = new QuotesApi(editor());
        String etag = etag(quotes.getQuoteWithHttpInfo("khamenei-north-south-corridor", null, null, null, null).getHeaders());
        quotes.patchQuote("khamenei-north-south-corridor", new QuotePatch().topics(List.of("north-south-corridor", "trade",
                "sanctions")).reason("Also about sanctions"), etag);
        List<WebhookDelivery> deliveries = List.of();
        for (int round = 0; round < 100 && deliveries.isEmpty(); round++) { // fanned out within a poll interval
            Thread.sleep(100);
            deliveries = webhooks.listSubscriptionDeliveries(created.getId(), null, 10).getItems();
        }
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).getQuoteId()).isEqualTo("khamenei-north-south-corridor");
        assertThat(deliveries.get(0).getType()).isEqualTo(WebhookEventType.QUOTE_UPDATED);
        WebhookDelivery replay = webhooks.replaySubscriptionDelivery(deliveries.get(0).getId(), created.getId());
        assertThat(replay.getReplayOf()).isEqualTo(deliveries.get(0).getId());
        assertThat(replay.getMessageId()).isEqualTo(deliveries.get(0).getMessageId());

        Subscription paused = webhooks.replaceSubscription(created.getId(), new SubscriptionInput()
                .url("https://93.184.215.14/hooks/client").enabled(false));
        assertThat(paused.getEnabled()).isFalse();
        assertThat(paused.getEvents()).hasSize(3);
        webhooks.deleteSubscription(created.getId());
        assertThat(webhooks.listSubscriptions().getItems()).isEmpty();
        Problem gone = problem(() -> webhooks.getSubscription(created.getId()), 404);
        assertThat(gone.getDetail()).contains(created.getId());
    }

    @Test
    @Order(100)
    void everyOperationOfTheSpecWasCalled() throws IOException {
        JsonNode spec = YAML.readTree(Path.of("openapi", "openapi.yaml").toFile());
        Set<String> operations = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        // Each successful call counts for one operation: the template that matches it with the fewest parameters, so
        // that /quotes/random is not taken for /quotes/{id}.
        Set<String> exercised = new TreeSet<>();
        for (String call : CALLED) {
            operations.stream().filter(operation -> Pattern.compile(operation.replaceAll("\\{[^}]+}", "[^/]+")).matcher(call).matches())
                    .min(java.util.Comparator.comparingLong(operation -> operation.chars().filter(c -> c == '{').count()))
                    .ifPresent(exercised::add);
        }
        Set<String> missed = new TreeSet<>(operations);
        missed.removeAll(exercised);
        assertThat(missed).as("operations no client test called successfully").isEmpty();
    }

    @AfterAll
    static void forget() {
        CALLED.clear();
    }

    // ---- helpers ----

    private interface PageCall<P> {
        P fetch(String cursor) throws ApiException;
    }

    private interface Call<T> {
        T run() throws ApiException;
    }

    private static List<Quote> pageThrough(PageCall<PageQuoteView> call) throws ApiException {
        return pageThrough(call, PageQuoteView::getItems, PageQuoteView::getNextCursor);
    }

    private static <P, T> List<T> pageThrough(PageCall<P> call, Function<P, List<T>> items, Function<P, String> next)
            throws ApiException {
        List<T> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            P page = call.fetch(cursor);
            all.addAll(items.apply(page));
            cursor = next.apply(page);
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("more than 100 pages: the cursor does not end");
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    private Problem problem(ThrowingCallable call, int status) throws IOException {
        ApiException failure = catchThrowableOfType(ApiException.class, call);
        assertThat(failure).as("the call should have failed with %s", status).isNotNull();
        assertThat(failure.getCode()).as(failure.getResponseBody()).isEqualTo(status);
        assertThat(failure.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
        Problem problem = anonymous().getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).isNotBlank();
        return problem;
    }

    private static String etag(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("etag"))
                .map(header -> header.getValue().get(0)).findFirst().orElseThrow();
    }

    private String etagOfSpeaker(String id) throws ApiException {
        return etag(new SpeakersApi(anonymous()).getSpeakerWithHttpInfo(id, null, null, null).getHeaders());
    }

    private String etagOfMeeting(String id) throws ApiException {
        return etag(new MeetingsApi(anonymous()).getMeetingWithHttpInfo(id, null, null, null).getHeaders());
    }

    private String etagOfSource(String id) throws ApiException {
        return etag(new SourcesApi(anonymous()).getSourceWithHttpInfo(id, null).getHeaders());
    }

    private static Set<String> ids(List<Quote> quotes) {
        return quotes.stream().map(Quote::getId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> seedQuotes(java.util.function.Predicate<JsonNode> filter) {
        return StreamSupport.stream(corpus.get("quotes").spliterator(), false).filter(filter)
                .map(quote -> quote.get("id").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode seedQuote(String id) {
        return seedEntry("quotes", id);
    }

    private static JsonNode seedEntry(String kind, String id) {
        return StreamSupport.stream(corpus.get(kind).spliterator(), false).filter(entry -> entry.get("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + id + " in the seeds"));
    }

    private static Set<String> seedIds(String kind) {
        return StreamSupport.stream(corpus.get(kind).spliterator(), false).map(entry -> entry.get("id").asText())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<String> textsOf(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String sourceLanguage(String source) {
        return seedEntry("sources", source).get("lang").asText();
    }

    private static Set<String> sourceIdsOfLanguage(String lang) {
        return StreamSupport.stream(corpus.get("sources").spliterator(), false)
                .filter(source -> source.get("lang").asText().equals(lang)).map(source -> source.get("id").asText())
                .collect(Collectors.toSet());
    }

    private static LocalDate meetingDate(String meeting) {
        JsonNode date = seedEntry("meetings", meeting).get("date");
        return date == null ? null : LocalDate.parse(date.asText());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
