package org.dicta.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicta.quote.QuoteFilter;
import org.dicta.quote.QuoteListing;
import org.dicta.quote.QuoteService;
import org.dicta.quote.QuoteSort;
import org.dicta.web.ApiConfig;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.MediaTypes;
import org.dicta.web.PageParameters;
import org.dicta.web.PageRequest;
import org.dicta.web.Parameters;
import org.dicta.web.Preconditions;
import org.dicta.web.SupportedLanguages;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** Feeds of quotes for feed readers (Atom) and programs (JSON Feed): the quote list's filters, in change order. */
@Path("/api/v1/feeds/quotes")
@Tag(name = "Feeds", description = "Follow quotes in a feed reader: the quote list's filters as an Atom or JSON Feed, "
        + "most recently changed first, with corrections and retractions.")
public class FeedResource {

    /** What the feed is served as, the default first: XML readers that ask for plain XML get Atom. */
    private static final List<MediaType> FORMATS = List.of(MediaType.valueOf(AtomWriter.MEDIA_TYPE),
            MediaType.valueOf(JsonFeed.MEDIA_TYPE), MediaType.APPLICATION_XML_TYPE, MediaType.TEXT_XML_TYPE);
    /** RFC 9110's IMF-fixdate, the form HTTP dates are sent in. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private final QuoteFeeds feeds;
    private final QuoteListing listing;
    private final QuoteService quotes;
    private final LanguageNegotiation languages;
    private final SupportedLanguages catalog;
    private final FeedConfig config;
    private final ApiConfig api;
    private final ObjectMapper json;
    private final Validator validator;
    private final String version;

    FeedResource(QuoteFeeds feeds, QuoteListing listing, QuoteService quotes, LanguageNegotiation languages,
            SupportedLanguages catalog, FeedConfig config, ApiConfig api, ObjectMapper json, Validator validator,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "1") String version) {
        this.feeds = feeds;
        this.listing = listing;
        this.quotes = quotes;
        this.languages = languages;
        this.catalog = catalog;
        this.config = config;
        this.api = api;
        this.json = json;
        this.validator = validator;
        this.version = version;
    }

    @GET
    @Produces({AtomWriter.MEDIA_TYPE, JsonFeed.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(operationId = "getQuoteFeed", summary = "Follow quotes in a feed reader",
            description = "The quotes matching the same filters as `GET /api/v1/quotes`, one entry per quote, most recently "
                    + "changed first (creation, correction or retraction; then by id), 50 to a page, with `first` and `next` "
                    + "links to older entries (RFC 5005). Atom 1.0 (RFC 4287) by default, also for `Accept: */*` and "
                    + "`application/xml`, so that a feed reader subscribes with the URL alone; JSON Feed 1.1 for "
                    + "`Accept: application/feed+json`. A retracted quote is a tombstone (RFC 6721 `at:deleted-entry` with "
                    + "the reason; in JSON Feed an item whose `_dicta.retracted` is true). With `q`, the matching quotes of "
                    + "the newest meetings (1000 by default) are put in change order. Revalidate with If-None-Match or "
                    + "If-Modified-Since: 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "A page of the feed.",
            headers = {
                    @Header(name = "ETag", description = "Strong validator of these bytes, for If-None-Match.",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "When any quote last changed, for If-Modified-Since.",
                            schema = @Schema(type = SchemaType.STRING))},
            // JSON Feed first: generated clients then ask for it and get a typed JsonFeed; readers, which send no such
            // Accept, get Atom.
            content = {
                    @Content(mediaType = JsonFeed.MEDIA_TYPE, schema = @Schema(implementation = JsonFeed.class)),
                    @Content(mediaType = AtomWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "An Atom 1.0 feed document (RFC 4287) with RFC 5005 paging links and RFC 6721 "
                                    + "tombstones."),
                            examples = @ExampleObject(name = "speaker", summary = "A speaker's quotes", value = ATOM_EXAMPLE))})
    @APIResponse(responseCode = "406", description = "The Accept header accepts none of Atom (also as application/xml or "
            + "text/xml) and JSON Feed.")
    @APIResponse(responseCode = "304", description = "Not modified: the ETag given in If-None-Match (or, without it, the "
            + "date in If-Modified-Since) is still current.", headers = {
            @Header(name = "ETag", description = "The current validator.", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Last-Modified", description = "When any quote last changed.", schema = @Schema(type = SchemaType.STRING))})
    public Response quotes(
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "alexander-lukashenko") @RestQuery List<String> speaker,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @BeanParam QuoteFilter filters,
            @Parameter(description = "Entries per page, 1 to 100 (default 50).", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "50"), example = "50") @RestQuery String limit,
            @Parameter(description = "Opaque cursor from the feed's `next` link; only valid with the same filters.",
                    example = "djF8ZjBhOWY5YzB8MTY3ODcwMDAwMDAwMDAwMHxraGFtZW5laS1zcGlyaXR1YWxpdHk") @RestQuery String cursor,
            @Parameter(description = "The ETag of a copy fetched before: 304 while it is current.", example = "\"5d41402abc4b2a76b9719d911017c592\"")
            @RestHeader("If-None-Match") String ifNoneMatch,
            @Parameter(description = "The Last-Modified date of a copy fetched before (used without If-None-Match): 304 while "
                    + "no quote changed since.", example = "Mon, 13 Mar 2023 10:00:00 GMT")
            @RestHeader("If-Modified-Since") String ifModifiedSince,
            UriInfo uri, HttpHeaders headers) {
        Parameters parameters = new Parameters();
        filters.bySpeakers(speaker).atMeeting(meeting);
        LanguageChoice language = filters.langParameter() == null ? languages.all() // a subscription's URL decides alone
                : languages.read(parameters, filters.langParameter());
        QuoteFilter checked;
        if (filters.includeRetracted()) {
            // Feeds show retracted quotes to everyone, as tombstones; the list's option would ask for a token.
            parameters.reject("include_retracted", "is not a feed parameter: feeds always show retractions, as tombstones");
            parameters.check(validator, filters);
            checked = null;
        } else {
            checked = listing.check(parameters, filters, language);
        }
        if (filters.sort() == QuoteSort.RELEVANCE) {
            parameters.reject("sort", "is not a feed parameter: feeds are in change order, most recent first");
        }
        PageParameters page = new PageParameters();
        page.limit = limit == null ? String.valueOf(config.pageSize()) : limit;
        page.cursor = cursor;
        PageRequest request = parameters.page(page, api, checked == null ? null : QuoteFeeds.fingerprint(checked));
        parameters.throwIfInvalid();
        boolean jsonFeed = MediaTypes.negotiate(headers, FORMATS).toString().equals(JsonFeed.MEDIA_TYPE);
        Feed feed = feeds.page(checked, language.filter(), request, uri);
        Map<String, String> names = catalog.names();
        byte[] body;
        if (jsonFeed) {
            try {
                body = json.writeValueAsBytes(JsonFeed.from(feed, names, uri.getBaseUri() + "q/openapi"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the JSON feed " + feed.id(), e);
            }
        } else {
            body = AtomWriter.write(feed, names, new AtomWriter.Generator("Dicta", uri.getBaseUri().toString(), version));
        }
        String etag = etag(body);
        Instant lastChange = quotes.lastChange().map(last -> last.truncatedTo(ChronoUnit.SECONDS)).orElse(null);
        Response.ResponseBuilder response = notModified(ifNoneMatch, ifModifiedSince, etag, lastChange)
                ? Response.notModified()
                : Response.ok(body, jsonFeed ? JsonFeed.MEDIA_TYPE : AtomWriter.MEDIA_TYPE + "; charset=UTF-8");
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (lastChange != null) {
            response.header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(lastModified(lastChange, Instant.now())));
        }
        if (feed.next() != null) {
            response.header("Link", "<" + feed.next() + ">; rel=\"next\"");
        }
        return response.build();
    }

    /**
     * RFC 9110: If-None-Match decides when present; else If-Modified-Since, by the second: not modified when no quote
     * changed after that second began. A client that sends neither, or a date that cannot be read, gets the feed.
     */
    private static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastChange) {
        if (ifNoneMatch != null) {
            return Preconditions.notModified(ifNoneMatch, etag);
        }
        if (ifModifiedSince == null || lastChange == null) {
            return false;
        }
        try {
            Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip()));
            return !lastChange.isAfter(since);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }

    /**
     * The Last-Modified date: the second of the newest change to any quote (so that it never goes backwards, even when
     * an entry leaves the feed). While more changes may still come in that second (or commit late), the second before
     * is given, so that a client sending it back is not told "not modified" about them; once the second is well past,
     * the second itself.
     */
    static Instant lastModified(Instant lastChangeSecond, Instant now) {
        return now.isBefore(lastChangeSecond.plusSeconds(2)) ? lastChangeSecond.minusSeconds(1) : lastChangeSecond;
    }

    /** A strong ETag: a digest of the bytes served, which differ between the two formats. */
    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String ATOM_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0">
              <id>tag:dicta.example,2026:feeds/quotes?speaker=alexander-lukashenko</id>
              <title>Dicta: quotes by Alexander Lukashenko</title>
              <updated>2026-05-01T10:00:00.000Z</updated>
              <generator uri="http://localhost:8080/" version="1.0.0">Dicta</generator>
              <link rel="self" type="application/atom+xml" href="http://localhost:8080/api/v1/feeds/quotes?speaker=alexander-lukashenko"/>
              <link rel="alternate" type="text/html" href="http://localhost:8080/#/search?speaker=alexander-lukashenko"/>
              <link rel="first" type="application/atom+xml" href="http://localhost:8080/api/v1/feeds/quotes?speaker=alexander-lukashenko"/>
              <entry>
                <id>tag:dicta.example,2026:quotes/lukashenko-sanctions</id>
                <title xml:lang="en">Alexander Lukashenko: “…” — 2023-03-13</title>
                <published>2026-04-01T09:00:00.000Z</published>
                <updated>2026-05-01T10:00:00.000Z</updated>
                <author><name>Alexander Lukashenko</name><uri>http://localhost:8080/api/v1/speakers/alexander-lukashenko</uri></author>
                <category term="sanctions" scheme="http://localhost:8080/api/v1/topics" label="sanctions"/>
                <link rel="alternate" type="text/html" href="http://localhost:8080/#/quotes/lukashenko-sanctions"/>
                <link rel="related" type="application/json" href="http://localhost:8080/api/v1/quotes/lukashenko-sanctions"/>
                <summary>Corrected 2026-05-01T10:00:00.000Z: Span fixed.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><div class="variant" xml:lang="fa" lang="fa" dir="rtl"><blockquote cite="http://localhost:8080/api/v1/sources/001_e2ce688135970981"><p>…</p></blockquote></div></div></content>
              </entry>
              <at:deleted-entry ref="tag:dicta.example,2026:quotes/lukashenko-misattributed" when="2026-04-20T08:00:00.000Z">
                <link rel="related" type="application/json" href="http://localhost:8080/api/v1/quotes/lukashenko-misattributed"/>
                <at:comment>Misattributed: the words are the reporter's.</at:comment>
              </at:deleted-entry>
            </feed>
            """;
}
