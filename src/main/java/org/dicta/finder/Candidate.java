package org.dicta.finder;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteView.Span;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attributed statement found in a report. Its text is its span's slice of the report, so it can be posted as a variant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Candidate", description = "One attributed statement found in a report. `text` is always the report's "
        + "`substring(span.start, span.end)`, so that it can be posted as a quote variant unchanged.")
public record Candidate(
        @Schema(required = true, description = "The statement's words exactly as the report has them.",
                example = "سطح روابط افزایش چشمگیری یابد") String text,
        @Schema(required = true) Span span,
        @Schema(required = true, description = "`direct` when the report gives the words as the speaker's own (quotation "
                + "marks, or a colon after a speech verb); `indirect` for reported speech.") QuoteMode mode,
        @Schema(description = "Who made the statement; absent when the finder found nobody it could be attributed to.")
        SpeakerGuess speaker,
        @Schema(required = true, description = "The speech verb, colon or quotation mark that marks the statement.") Mention cue,
        @Schema(required = true, description = "How sure the finder is, from 0 to 1.", example = "0.86") double confidence) {

    public int start() {
        return span.start();
    }

    public int end() {
        return span.end();
    }
}
