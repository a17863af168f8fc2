package org.dicta.finder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.dicta.quote.QuoteInput;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteView.Span;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A statement the finder proposes for a meeting: its reports across languages, and a draft to post. */
@Schema(name = "ProposedStatement", description = "One statement as the meeting's reports give it, at most one variant per "
        + "report, with a draft an editor can post.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposedStatement(
        @Schema(description = "Who made it: a catalogue speaker, or (`id` null) a person the catalogue does not hold; absent "
                + "when no report says.") SpeakerGuess speaker,
        @Schema(description = "The existing quote that already holds these words, if one does; null for a new statement.",
                nullable = true, example = "khamenei-north-south-corridor") @JsonInclude(JsonInclude.Include.ALWAYS) String quote,
        @Schema(required = true, description = "How sure the finder is of the statement and its grouping, from 0 to 1.",
                example = "0.78") double confidence,
        @Schema(required = true, description = "The statement in each report, in the order of the meeting's sources.")
        List<Variant> variants,
        @Schema(description = "Absent when the speaker is not in the catalogue (add the speaker first) or when the quote already "
                + "holds every report. When `quote` is null: a quote that POST /api/v1/quotes accepts as it is. When `quote` is set: "
                + "the reports that quote lacks, each a variant for POST /api/v1/quotes/{quote}/variants.")
        QuoteInput draft) {

    /** The statement in one report. */
    @Schema(name = "ProposedVariant", description = "The statement in one report: a candidate of that report.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variant(
            @Schema(required = true, example = "000_26e08119a475d493") String source,
            @Schema(required = true, example = "ar") String lang,
            @Schema(required = true, description = "The words exactly as the source has them: its text's slice at `span`.",
                    example = "إنشاء هذا الممرّ في مصلحة البلدين، وكذلك روسيا والمنطقة، وعلى الجانبين السعي إلى إنشائه") String text,
            @Schema(required = true) Span span,
            @Schema(required = true) QuoteMode mode,
            @Schema(description = "Who the report says made it.") SpeakerGuess speaker,
            @Schema(required = true, description = "The speech verb, colon or quotation mark that marks it.") Mention cue,
            @Schema(required = true, example = "0.9") double confidence,
            @Schema(description = "The variant of `quote` that already holds these words, if one does.", example = "12")
            Long variant) {
    }
}
