package org.dicta.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A feed page as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). JSON Feed has no tombstones: a retracted quote is
 * an item whose {@code _dicta.retraction} says when and why, with the reason as its text. Dicta's own fields are in
 * the {@code _dicta} extension objects, as the specification provides.
 */
@Schema(name = "JsonFeed", description = "A page of a feed of quotes in JSON Feed 1.1, most recently changed first.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonFeed(
        @Schema(required = true, description = "The JSON Feed version URL.", example = VERSION) String version,
        @Schema(required = true, description = "What the feed holds: its filters in words.",
                example = "Dicta: quotes by Alexander Lukashenko") String title,
        @JsonProperty("home_page_url") @Schema(description = "The explorer's view of the same filters.",
                example = "http://localhost:8080/#/search?speaker=alexander-lukashenko") String homePageUrl,
        @JsonProperty("feed_url") @Schema(description = "This page's URL.",
                example = "http://localhost:8080/api/v1/feeds/quotes?speaker=alexander-lukashenko") String feedUrl,
        @JsonProperty("next_url") @Schema(description = "The page of older items; absent on the last page.",
                example = "http://localhost:8080/api/v1/feeds/quotes?speaker=alexander-lukashenko&cursor=djF8…") String nextUrl,
        @Schema(description = "The language the feed was asked for (`lang`); absent when it holds every language.",
                example = "fa") String language,
        @Schema(required = true, description = "The quotes, most recently changed first.") List<Item> items,
        @JsonProperty("_dicta") @Schema(required = true, description = "Dicta's extension: the feed's stable id and "
                + "last change.") FeedExtension dicta) {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";
    public static final String MEDIA_TYPE = "application/feed+json";

    /** One quote. */
    @Schema(name = "JsonFeedItem", description = "One quote: its variants as HTML and as text, its speaker and topics.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(required = true, description = "Stable id (a tag URI), the same as the Atom entry's.",
                    example = "tag:dicta.example,2026:quotes/lukashenko-sanctions-made-us-stronger") String id,
            @Schema(required = true, description = "The explorer's permalink of the quote.",
                    example = "http://localhost:8080/#/quotes/lukashenko-sanctions-made-us-stronger") String url,
            @JsonProperty("external_url") @Schema(required = true, description = "The quote in the API.",
                    example = "http://localhost:8080/api/v1/quotes/lukashenko-sanctions-made-us-stronger") String externalUrl,
            @Schema(required = true, description = "The speaker's name and the statement's first words, with the meeting's "
                    + "date (also in the reader's calendar for `lang=fa` and `lang=ar`).",
                    example = "Alexander Lukashenko: “sanctions made us stronger” — 2023-03-13") String title,
            @JsonProperty("content_html") @Schema(description = "The variants as XHTML, each in a `div` with its language "
                    + "and direction, with its source; absent for a retracted quote.",
                    example = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><div class=\"variant\" xml:lang=\"fa\" lang=\"fa\" "
                            + "dir=\"rtl\"><blockquote cite=\"http://localhost:8080/api/v1/sources/001_e2ce688135970981\">"
                            + "<p>تحریم‌ها ما را قوی‌تر کرد</p></blockquote></div></div>") String contentHtml,
            @JsonProperty("content_text") @Schema(required = true, description = "The variants' texts, each after its "
                    + "language tag; for a retracted quote, the retraction's reason.", example = "[fa] تحریم‌ها ما را قوی‌تر کرد")
            String contentText,
            @Schema(description = "The latest correction (when and why), or the retraction.",
                    example = "Corrected 2026-05-01T10:00:00.000Z: Span fixed.") String summary,
            @JsonProperty("date_published") @Schema(required = true, description = "When the quote was first recorded "
                    + "(RFC 3339).", example = "2026-04-01T09:00:00.000Z") String datePublished,
            @JsonProperty("date_modified") @Schema(required = true, description = "When it last changed (RFC 3339).",
                    example = "2026-05-01T10:00:00.000Z") String dateModified,
            @Schema(required = true, description = "The speaker.") List<Author> authors,
            @Schema(required = true, description = "The topics' labels.", example = "[\"sanctions\"]") List<String> tags,
            @Schema(description = "The language of the title.", example = "en") String language,
            @JsonProperty("_dicta") @Schema(required = true) ItemExtension dicta) {
    }

    /** The speaker of a quote. */
    @Schema(name = "JsonFeedAuthor", description = "The speaker of a quote.")
    public record Author(
            @Schema(required = true, example = "Alexander Lukashenko") String name,
            @Schema(required = true, description = "The speaker in the API.",
                    example = "http://localhost:8080/api/v1/speakers/alexander-lukashenko") String url) {
    }

    /** Dicta's fields of the feed. */
    @Schema(name = "JsonFeedExtension", description = "Dicta's extension of the feed.")
    public record FeedExtension(
            @Schema(required = true, description = "Where the extension is described.",
                    example = "http://localhost:8080/q/openapi") String about,
            @Schema(required = true, description = "The feed's stable id, the same as the Atom feed's.",
                    example = "tag:dicta.example,2026:feeds/quotes?speaker=alexander-lukashenko") String id,
            @Schema(required = true, description = "When the newest item of the whole feed changed (RFC 3339); the "
                    + "Unix epoch for an empty feed.", example = "2026-05-01T10:00:00.000Z") String updated) {
    }

    /** Dicta's fields of an item. */
    @Schema(name = "JsonFeedItemExtension", description = "Dicta's extension of an item: the quote's id, its variants "
            + "as data, its latest correction and its retraction.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemExtension(
            @Schema(required = true, description = "Where the extension is described.",
                    example = "http://localhost:8080/q/openapi") String about,
            @Schema(required = true, description = "The quote's id in the API.", example = "lukashenko-sanctions-made-us-stronger")
            String quote,
            @Schema(required = true, description = "Whether the quote was retracted; its item then stands for a tombstone.",
                    example = "false") boolean retracted,
            @Schema(description = "When and why it was retracted; absent while it stands.") Change retraction,
            @Schema(description = "Its latest correction; absent when it was never corrected.") Change correction,
            @Schema(required = true, description = "The topics' ids.", example = "[\"sanctions\"]") List<String> topics,
            @Schema(required = true, description = "The variants shown, each with its language, direction and source.")
            List<Variant> variants) {
    }

    /** A correction or a retraction. */
    @Schema(name = "JsonFeedChange", description = "When and why a quote was corrected or retracted.")
    public record Change(
            @Schema(required = true, description = "When (RFC 3339).", example = "2026-05-01T10:00:00.000Z") String at,
            @Schema(required = true, nullable = true, description = "The editor's reason.", example = "Span fixed.")
            String reason) {
    }

    /** One variant as data. */
    @Schema(name = "JsonFeedVariant", description = "One report of the statement.")
    public record Variant(
            @Schema(required = true, description = "Variant id.", example = "36") long id,
            @Schema(required = true, description = "BCP 47 tag.", example = "fa") String lang,
            @Schema(required = true, description = "Direction of the script.", enumeration = {"ltr", "rtl"}, example = "rtl")
            String dir,
            @Schema(required = true, enumeration = {"direct", "indirect"}, example = "direct") String mode,
            @Schema(required = true, description = "The words exactly as the source has them.",
                    example = "تحریم‌ها ما را قوی‌تر کرد") String text,
            @Schema(required = true, description = "The source's full text in the API.",
                    example = "http://localhost:8080/api/v1/sources/001_e2ce688135970981") String source) {
    }

    static JsonFeed from(Feed feed, Map<String, String> languageNames, String about) {
        List<Item> items = feed.entries().stream().map(entry -> item(entry, languageNames, about)).toList();
        return new JsonFeed(VERSION, feed.title(), feed.alternate(), feed.self(), feed.next(), feed.lang(), items,
                new FeedExtension(about, feed.id(), Xml.date(feed.updated())));
    }

    private static Item item(Feed.Entry entry, Map<String, String> languageNames, String about) {
        boolean retracted = entry.tombstone() != null;
        Change correction = entry.correction() == null ? null
                : new Change(Xml.date(entry.correction().at()), entry.correction().reason());
        Change retraction = retracted ? new Change(Xml.date(entry.tombstone().at()), entry.tombstone().reason()) : null;
        String summary = retracted ? "Retracted " + retraction.at() + ": " + retraction.reason()
                : correction == null ? null
                : "Corrected " + correction.at() + (correction.reason() == null ? "." : ": " + correction.reason());
        String text = retracted ? entry.tombstone().reason()
                : String.join("\n\n", entry.variants().stream().map(v -> "[" + v.lang() + "] " + v.text()).toList());
        return new Item(entry.id(), entry.alternate(), entry.related(), (retracted ? "Retracted: " : "") + entry.title(),
                retracted ? null : XhtmlContent.html(entry, languageNames), text, summary,
                Xml.date(entry.published()), Xml.date(retracted ? entry.tombstone().at() : entry.updated()),
                List.of(new Author(entry.author().name(), entry.author().uri())),
                entry.categories().stream().map(Feed.Category::label).toList(), entry.titleLang(),
                new ItemExtension(about, entry.quoteId(), retracted, retraction, correction,
                        entry.categories().stream().map(Feed.Category::term).toList(),
                        retracted ? List.of() : entry.variants().stream().map(v -> new Variant(v.id(), v.lang(), v.dir(),
                                v.mode(), v.text(), v.sourceApi())).toList()));
    }
}
