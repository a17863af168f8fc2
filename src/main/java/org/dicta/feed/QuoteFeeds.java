package org.dicta.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dicta.language.Language;
import org.dicta.language.TextDirection;
import org.dicta.meeting.Meeting;
import org.dicta.quote.ChangeKey;
import org.dicta.quote.QuoteFilter;
import org.dicta.quote.QuoteMatch;
import org.dicta.quote.QuoteRecord;
import org.dicta.quote.QuoteService;
import org.dicta.speaker.Speaker;
import org.dicta.topic.Topic;
import org.dicta.web.ApiConfig;
import org.dicta.web.Cursor;
import org.dicta.web.LanguageChoice;
import org.dicta.web.PageRequest;
import org.dicta.web.SupportedLanguages;

/**
 * Makes a page of a feed of quotes from a checked filter: the quotes in change order, each as an entry (a tombstone
 * when retracted), with the feed's id, title and links. Writing it as Atom or JSON Feed is the writers' part.
 */
@ApplicationScoped
class QuoteFeeds {

    /** The {@code updated} of a feed without entries: a fixed instant, so that an empty feed's bytes never change. */
    static final Instant EMPTY_FEED_UPDATED = Instant.EPOCH;

    private final QuoteService quotes;
    private final QuoteHistories histories;
    private final SupportedLanguages languages;
    private final FeedConfig config;
    private final ApiConfig api;

    QuoteFeeds(QuoteService quotes, QuoteHistories histories, SupportedLanguages languages, FeedConfig config, ApiConfig api) {
        this.quotes = quotes;
        this.histories = histories;
        this.languages = languages;
        this.config = config;
        this.api = api;
    }

    /** Identifies a feed's filters, so that a cursor of one feed (or of a quote list) is refused by another. */
    static String fingerprint(QuoteFilter filter) {
        return Cursor.fingerprint("feed\n" + filter.fingerprint());
    }

    /**
     * @param lang the language asked for with {@code lang}, or null for every language
     */
    Feed page(QuoteFilter filter, String lang, PageRequest page, UriInfo uri) {
        List<QuoteMatch> rows = quotes.changes(filter, page.after(), page.rowsToFetch(), config.searchCap());
        List<QuoteMatch> shown = rows.size() > page.limit() ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (rows.size() > page.limit()) {
            String cursor = Cursor.encode(page.filterFingerprint(), shown.get(shown.size() - 1).key());
            next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
        }
        Instant updated = newestChange(filter, page, rows);
        String base = uri.getBaseUri().toString();
        LanguageChoice titles = LanguageChoice.explicit(lang != null ? lang : api.fallbackLanguage(), languages.names(),
                api.fallbackLanguage());
        Map<String, QuoteHistories.History> history = histories.of(shown.stream().map(match -> match.quote().id()).toList());
        Map<String, String> directions = directions();
        List<Feed.Entry> entries = new ArrayList<>();
        for (QuoteMatch match : shown) {
            entries.add(entry(match, history.get(match.quote().id()), lang, titles, directions, base));
        }
        return new Feed(feedId(filter), feedTitle(filter, lang, titles), lang, updated,
                uri.getRequestUri().toString(), base + explorerView(filter),
                uri.getRequestUriBuilder().replaceQueryParam("cursor").build().toString(), next, entries);
    }

    /** When the newest entry of the whole feed changed: the first of the first page. */
    private Instant newestChange(QuoteFilter filter, PageRequest page, List<QuoteMatch> rows) {
        List<QuoteMatch> newest = page.after() == null ? rows : quotes.changes(filter, null, 1, config.searchCap());
        return newest.isEmpty() ? EMPTY_FEED_UPDATED : ChangeKey.parse(newest.get(0).key()).changedAt();
    }

    private Feed.Entry entry(QuoteMatch match, QuoteHistories.History history, String lang, LanguageChoice titles,
            Map<String, String> directions, String base) {
        QuoteRecord quote = match.quote();
        Instant updated = ChangeKey.parse(match.key()).changedAt();
        Instant published = history.firstRecorded() != null && !history.firstRecorded().isAfter(updated)
                ? history.firstRecorded() : updated;
        List<QuoteRecord.Variant> variants = match.variants().isEmpty() ? quote.variants() : match.variants();
        List<QuoteRecord.Variant> titled = titles.pick(variants, QuoteRecord.Variant::lang);
        QuoteRecord.Variant first = titled.isEmpty() ? variants.get(0) : titled.get(0);
        String name = titles.best(quote.speaker().names()).orElse(quote.speaker().id());
        String quoteId = quote.id();
        String title = name + ": " + quoted(firstWords(first.text()), first.lang())
                + (quote.meeting().date() == null ? "" : " — " + ReaderCalendars.describe(quote.meeting().date(), lang));
        List<Feed.Category> categories = quote.topics().stream()
                .map(topic -> new Feed.Category(topic.id(), titles.best(topic.labels()).orElse(topic.id()), base + "api/v1/topics"))
                .toList();
        List<Feed.Variant> shown = variants.stream().map(variant -> new Feed.Variant(variant.id(), variant.lang(),
                directions.getOrDefault(variant.lang(), "ltr"), variant.mode().name().toLowerCase(Locale.ROOT),
                variant.text(), variant.note(), variant.source().publisher(), variant.source().headline(),
                variant.source().date(), base + "api/v1/sources/" + encodePath(variant.source().id()),
                base + "#/quotes/" + encodePath(quoteId) + "/variants/" + variant.id() + "/source")).toList();
        Feed.Tombstone tombstone = quote.retractedAt() == null ? null
                : new Feed.Tombstone(quote.retractedAt().toInstant(), quote.retractionReason());
        return new Feed.Entry(quoteId, entryId(quoteId), title, first.lang(), published, updated,
                new Feed.Author(name, base + "api/v1/speakers/" + encodePath(quote.speaker().id())), categories, shown,
                base + "#/quotes/" + encodePath(quoteId), base + "api/v1/quotes/" + encodePath(quoteId),
                history.latestCorrection(), tombstone);
    }

    /** A quote's entry id: the same in every feed that shows it, whatever host or filters the request used. */
    String entryId(String quoteId) {
        return "tag:" + config.tagAuthority() + ":quotes/" + encodePath(quoteId);
    }

    /** A feed's id: its filters, in a canonical order, under the configured authority. */
    String feedId(QuoteFilter filter) {
        String query = explorerParameters(filter, true).entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + encodeQuery(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return "tag:" + config.tagAuthority() + ":feeds/quotes" + (query.isEmpty() ? "" : "?" + query);
    }

    /** The explorer's view of the same filters ({@code #/search?…}), as the explorer writes its own links. */
    static String explorerView(QuoteFilter filter) {
        String query = explorerParameters(filter, false).entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + encodeQuery(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "#/" : "#/search?" + query;
    }

    /** The filters, several values joined with commas; with {@code all}, the change-time filter too (the explorer has none). */
    private static Map<String, String> explorerParameters(QuoteFilter filter, boolean all) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (filter.query() != null) {
            parameters.put("q", filter.query().text());
        }
        if (!filter.speakers().isEmpty()) {
            parameters.put("speaker", String.join(",", all ? filter.speakers().stream().sorted().toList() : filter.speakers()));
        }
        if (filter.meeting() != null) {
            parameters.put("meeting", filter.meeting());
        }
        if (filter.lang() != null) {
            parameters.put("lang", filter.lang());
        }
        if (!filter.topics().isEmpty()) {
            parameters.put("topic", String.join(",", all ? filter.topics().stream().sorted().toList() : filter.topics()));
        }
        if (filter.mode() != null) {
            parameters.put("mode", filter.mode().name().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            parameters.put("from", filter.from().toString());
        }
        if (filter.to() != null) {
            parameters.put("to", filter.to().toString());
        }
        if (all && filter.updatedSince() != null) {
            parameters.put("updated_since", filter.updatedSince().toString());
        }
        return parameters;
    }

    /** What the feed holds, in words: "Dicta: quotes by Ali Khamenei on sanctions matching “…”". */
    private String feedTitle(QuoteFilter filter, String lang, LanguageChoice names) {
        StringBuilder title = new StringBuilder("Dicta: quotes");
        if (!filter.speakers().isEmpty()) {
            title.append(" by ").append(filter.speakers().stream()
                    .map(id -> Speaker.<Speaker>findByIdOptional(id).map(speaker -> names.best(speaker.names()).orElse(id)).orElse(id))
                    .collect(Collectors.joining(", ")));
        }
        if (filter.meeting() != null) {
            Meeting meeting = Meeting.findById(filter.meeting());
            title.append(" at ").append(meeting == null ? filter.meeting() : names.best(meeting.titles()).orElse(meeting.id));
            if (meeting != null && meeting.date != null) {
                title.append(" (").append(ReaderCalendars.describe(meeting.date, lang)).append(')');
            }
        }
        if (!filter.topics().isEmpty()) {
            title.append(" on ").append(filter.topics().stream()
                    .map(id -> Topic.<Topic>findByIdOptional(id).map(topic -> names.best(topic.labels).orElse(id)).orElse(id))
                    .collect(Collectors.joining(", ")));
        }
        if (lang != null) {
            title.append(" in ").append(languages.names().getOrDefault(lang, lang));
        }
        if (filter.mode() != null) {
            title.append(switch (filter.mode()) {
                case DIRECT -> ", direct speech";
                case INDIRECT -> ", reported speech";
            });
        }
        if (filter.query() != null) {
            title.append(" matching “").append(filter.query().text()).append('”');
        }
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        if (from != null) {
            title.append(" from ").append(ReaderCalendars.describe(from, lang));
        }
        if (to != null) {
            title.append(" to ").append(ReaderCalendars.describe(to, lang));
        }
        if (filter.updatedSince() != null) {
            title.append(", changed since ").append(filter.updatedSince());
        }
        return title.toString();
    }

    /** The first words of a statement, with an ellipsis when there are more. */
    private String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        String shown = words.length <= config.titleWords() ? String.join(" ", words)
                : String.join(" ", Arrays.asList(words).subList(0, config.titleWords())) + "…";
        int cap = 20 * config.titleWords(); // scripts written without spaces
        return shown.length() <= cap ? shown : shown.substring(0, Character.isLowSurrogate(shown.charAt(cap)) ? cap - 1 : cap) + "…";
    }

    /** Quotation marks as the language writes them. */
    private static String quoted(String words, String lang) {
        return switch (Objects.toString(lang, "")) {
            case "ar", "fa", "ur" -> "«" + words + "»";
            default -> "“" + words + "”";
        };
    }

    /** Each language's direction, from the catalogue: {@code rtl} for Arabic, Persian and Urdu. */
    private static Map<String, String> directions() {
        Map<String, String> directions = new LinkedHashMap<>();
        for (Language language : Language.listInOrder()) {
            directions.put(language.code, language.direction == TextDirection.RTL ? "rtl" : "ltr");
        }
        return directions;
    }

    private static String encodePath(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
