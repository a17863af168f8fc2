package org.dicta.finder;

import org.dicta.quote.QuoteView.Span;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Words of a report and where they lie: always {@code text.equals(report.substring(span.start(), span.end()))}. */
@Schema(name = "TextMention", description = "Words of the report and where they lie in it.")
public record Mention(
        @Schema(required = true, description = "The words exactly as the report has them.", example = "افزودند:") String text,
        @Schema(required = true) Span span) {

    public static Mention of(String report, int start, int end) {
        return new Mention(report.substring(start, end), new Span(start, end));
    }
}
