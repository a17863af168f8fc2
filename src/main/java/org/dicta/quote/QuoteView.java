package org.dicta.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.dicta.meeting.MeetingSummary;
import org.dicta.search.SearchQuery.Highlight;
import org.dicta.source.SourceSummary;
import org.dicta.speaker.SpeakerSummary;
import org.dicta.topic.TopicView;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote with its variants: one statement as reported in each language and source. */
@Schema(name = "Quote", description = "One statement by one speaker at one meeting, with its variants across languages and sources.")
public record QuoteView(
        @Schema(required = true, description = "Stable slug id.", example = "khamenei-agreements-must-be-implemented") String id,
        @Schema(required = true) SpeakerSummary speaker,
        @Schema(required = true) MeetingSummary meeting,
        @Schema(required = true, description = "Topics the quote is tagged with.") List<TopicView> topics,
        @Schema(required = true, nullable = true, description = "When one language was asked for (`lang` or Accept-Language): "
                + "the language served, else null.", example = "en") String lang,
        @Schema(required = true, nullable = true, description = "When one language was asked for: the text of the first variant "
                + "served, for clients that want one quote in one language without walking `variants`; else null.",
                example = "agreements should not remain on paper. Rather they should be pursued and implemented within a specific time frame.")
        String text,
        @Schema(required = true, description = "The statement as each source reports it; with a language asked for, those in the "
                + "language served; with filters or `q`, those that match.") List<VariantView> variants,
        @Schema(description = "Present only on a retracted quote, which editors see with `include_retracted=true`.")
        @JsonInclude(JsonInclude.Include.NON_NULL) Retraction retraction) {

    /** When and why a quote was retracted. */
    @Schema(name = "Retraction", description = "When and why a quote was retracted.")
    public record Retraction(
            @Schema(required = true, description = "When (RFC 3339).", example = "2026-11-22T18:30:00Z") java.time.OffsetDateTime at,
            @Schema(required = true, description = "Why, as the admin gave it.", example = "Misattributed.") String reason) {
    }

    /** One report of the statement. */
    @Schema(name = "QuoteVariant", description = "The statement as one source reports it, in one language, with the exact span of its text.")
    public record VariantView(
            @Schema(required = true, description = "Variant id, unique across all quotes.", example = "36") long id,
            @Schema(required = true, description = "BCP 47 tag of the variant's language.", example = "en") String lang,
            @Schema(required = true, description = "The words of the report, exactly as in the source: `source.text` sliced by `span`.",
                    example = "agreements should not remain on paper. Rather they should be pursued and implemented within a specific time frame.")
            String text,
            @Schema(required = true, description = "`direct` when the source gives the words as the speaker's own, `indirect` for "
                    + "reported speech or paraphrase.", example = "direct") QuoteMode mode,
            @Schema(required = true) SourceSummary source,
            @Schema(required = true) Span span,
            @Schema(required = true, description = "Editorial note, e.g. where this report differs in substance from the others.",
                    nullable = true, example = "Says agreements should not \"remain on paper\" where the other reports say they should not end in meetings (في الاجتماعات, در جلسات, نشستوں تک).")
            String note,
            @Schema(required = true, description = "With `q`: where the query's words and phrases occur in `text` (offsets into "
                    + "`text` in UTF-16 code units; add `span.start` for offsets into the source). Empty without `q`.")
            List<Span> highlights,
            @Schema(required = true, description = "A ready-to-paste attribution line: speaker, meeting, date, source, language.",
                    example = "Ali Khamenei, The Leader of the Islamic Revolution receives the Belarusian President and his delegation, 2023-03-13; reported in English by www.irna.ir, \"The Leader holds talks with the Belarusian President to Enhance Bilateral Relations - 13 /Mar/ 2023\" (2023-03-13), Dicta quote khamenei-agreements-must-be-implemented, variant 36.")
            String citation) {
    }

    /** Where a stretch of text lies. */
    @Schema(name = "Span", description = "Offsets in UTF-16 code units, end exclusive: Java `text.substring(start, end)` and JavaScript `text.slice(start, end)` give the stretch.")
    public record Span(
            @Schema(required = true, description = "Offset of the first code unit.", example = "1955") int start,
            @Schema(required = true, description = "Offset just past the last code unit.", example = "2069") int end) {
    }

    public static QuoteView from(QuoteMatch match, LanguageChoice language) {
        QuoteRecord quote = match.quote();
        List<QuoteRecord.Variant> served = language.pick(match.variants(), QuoteRecord.Variant::lang);
        List<VariantView> variants = served.stream()
                .map(variant -> variant(quote, variant, match.highlights().getOrDefault(variant.id(), List.of()), language))
                .toList();
        String lang = null;
        String text = null;
        if (!language.allLanguages() && !served.isEmpty()) {
            lang = served.get(0).lang();
            text = served.get(0).text();
        }
        return new QuoteView(quote.id(), new SpeakerSummary(quote.speaker().id(), quote.speaker().kind(),
                language.pick(quote.speaker().names())),
                new MeetingSummary(quote.meeting().id(), quote.meeting().date(), language.pick(quote.meeting().titles())),
                quote.topics().stream().map(topic -> new TopicView(topic.id(), language.pick(topic.labels()))).toList(),
                lang, text, variants,
                quote.retractedAt() == null ? null : new Retraction(quote.retractedAt(), quote.retractionReason()));
    }

    private static VariantView variant(QuoteRecord quote, QuoteRecord.Variant variant, List<Highlight> highlights,
            LanguageChoice language) {
        return new VariantView(variant.id(), variant.lang(), variant.text(), variant.mode(), variant.source(),
                new Span(variant.spanStart(), variant.spanEnd()), variant.note(),
                highlights.stream().map(h -> new Span(h.start(), h.end())).toList(),
                Citation.of(quote, variant, language));
    }
}
