package org.dicta.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.dicta.web.SafeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A quote as editors write it (POST, PUT, and the document JSON Merge Patch applies to): references by id, and each
 * variant's text, which must occur in its source. The server records the offsets.
 */
@Schema(name = "QuoteInput", description = "A quote as editors write it. Each variant's text must occur in its source exactly; "
        + "give `span` only when the text occurs more than once.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteInput(
        @Schema(description = "Slug id; on POST, optional (derived from the speaker when absent); on PUT, must equal the path's.",
                example = "khamenei-north-south-corridor")
        @Pattern(regexp = ID, message = ID_MESSAGE) @Size(max = 100) String id,
        @Schema(required = true, description = "Speaker id.", example = "ali-khamenei")
        @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String speaker,
        @Schema(required = true, description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko")
        @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String meeting,
        @Schema(description = "Topic ids.", example = "[\"north-south-corridor\", \"trade\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> topics,
        @Schema(required = true, description = "The statement as each source reports it.")
        @NotEmpty @Size(max = 40) List<@NotNull @Valid VariantInput> variants,
        @Schema(description = "Why this change is made; shown in the quote's public revisions. Not part of the quote.",
                example = "Added the Urdu report.")
        @Size(max = 2000) String reason) {

    static final String ID = "[a-z0-9]+(?:[-_][a-z0-9]+)*";
    static final String ID_MESSAGE = "must be a slug: lower-case letters, digits, '-' and '_'";

    /** One report of the statement. */
    @Schema(name = "QuoteVariantInput", description = "One report of the statement, as editors write it.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VariantInput(
            @Schema(required = true, description = "Source id.", example = "002_fcbcff514eaca929")
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String source,
            @Schema(description = "Language tag; defaults to the source's.", example = "en") @Size(max = 35) String lang,
            @Schema(required = true, example = "indirect") @NotNull QuoteMode mode,
            @Schema(required = true, description = "The words exactly as the source has them. Bidirectional controls "
                    + "the source has in them are kept, and must be closed within the words.",
                    example = "this corridor would benefit Iran, Belarus, Russia, and the region")
            @NotBlank @Size(max = 10_000) @SafeText.AsPublished String text,
            @Schema(description = "Needed only when the text occurs more than once in the source.") @Valid SpanInput span,
            @Schema(description = "Editorial note.", example = "Says European where the others say Western.")
            @Size(max = 2000) String note) {
    }

    /** Offsets given by the editor. */
    @Schema(name = "SpanInput", description = "Offsets into the source text in UTF-16 code units, end exclusive.")
    public record SpanInput(
            @Schema(required = true, example = "1234") @NotNull @Min(0) @Max(1_000_000) Integer start,
            @Schema(required = true, example = "1402") @NotNull @Min(1) @Max(1_000_000) Integer end) {
    }

    /** The editable state of a stored quote, as a client would PUT it back. */
    public static QuoteInput of(Quote quote) {
        return new QuoteInput(quote.id, quote.speaker.id, quote.meeting.id, quote.topics.stream().map(topic -> topic.id).toList(),
                quote.variants.stream().map(variant -> new VariantInput(variant.source.id, variant.lang, variant.mode,
                        variant.text, new SpanInput(variant.spanStart, variant.spanEnd), variant.note)).toList(), null);
    }

    /** The same quote with its topics in a fixed order, to compare states: topic order carries no meaning. */
    public QuoteInput canonical() {
        return new QuoteInput(id, speaker, meeting, topics == null ? List.of() : topics.stream().sorted().toList(), variants,
                reason);
    }

    public QuoteInput withId(String newId) {
        return new QuoteInput(newId, speaker, meeting, topics, variants, reason);
    }
}
