package org.dicta.quote;

import java.util.List;
import org.dicta.meeting.MeetingSummary;
import org.dicta.source.SourceSummary;
import org.dicta.speaker.SpeakerSummary;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote with its variants: one statement as reported in each language and source. */
@Schema(name = "Quote", description = "One statement by one speaker at one meeting, with its variants across languages and sources.")
public record QuoteView(
        @Schema(required = true, description = "Stable slug id.", example = "khamenei-neutralise-sanctions-weapon") String id,
        @Schema(required = true) SpeakerSummary speaker,
        @Schema(required = true) MeetingSummary meeting,
        @Schema(required = true, description = "The statement as each source reports it; with `lang`, only those in the language served.")
        List<VariantView> variants) {

    /** One report of the statement. */
    @Schema(name = "QuoteVariant", description = "The statement as one source reports it, in one language, with the exact span of its text.")
    public record VariantView(
            @Schema(required = true, description = "Variant id, unique across all quotes.", example = "7") long id,
            @Schema(required = true, description = "BCP 47 tag of the variant's language.", example = "ur") String lang,
            @Schema(required = true, description = "The words of the report, exactly as in the source: `source.text` sliced by `span`.",
                    example = "جن ملکوں کو امریکی پابندیوں کا نشانہ بنایا گيا ہے، انھیں ایک دوسرے سے تعاون کر کے اور ایک مشترکہ الاینس بنا کر، پابندی کے ہتھکنڈے کو ختم کر دینا چاہیے اور ہمارا ماننا ہے کہ یہ کام ممکن ہے")
            String text,
            @Schema(required = true, description = "`direct` when the source gives the words as the speaker's own, `indirect` for reported speech or paraphrase.",
                    example = "direct") QuoteMode mode,
            @Schema(required = true) SourceSummary source,
            @Schema(required = true) Span span,
            @Schema(required = true, description = "Editorial note, e.g. where this report differs in substance from the others.", nullable = true,
                    example = "Says European (یورپی) countries where the Arabic and Persian reports say Western countries.")
            String note) {
    }

    /** Where a variant's text lies in its source. */
    @Schema(name = "Span", description = "Offsets into the source text in UTF-16 code units, end exclusive: Java `text.substring(start, end)` and JavaScript `text.slice(start, end)` give the variant's text.")
    public record Span(
            @Schema(required = true, description = "Offset of the first code unit.", example = "1234") int start,
            @Schema(required = true, description = "Offset just past the last code unit.", example = "1402") int end) {
    }

    public static QuoteView from(Quote quote, LanguageChoice language) {
        List<VariantView> variants = language.pick(quote.variants, variant -> variant.lang).stream()
                .map(QuoteView::variant)
                .toList();
        return new QuoteView(quote.id, SpeakerSummary.from(quote.speaker, language),
                MeetingSummary.from(quote.meeting, language), variants);
    }

    private static VariantView variant(QuoteVariant variant) {
        return new VariantView(variant.id, variant.lang, variant.text, variant.mode, SourceSummary.from(variant.source),
                new Span(variant.spanStart, variant.spanEnd), variant.note);
    }
}
