package org.dicta.finder;

import java.time.LocalDate;
import org.dicta.quote.QuoteView.Span;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A date written in a report, in whichever calendar and digits, with its ISO (Gregorian) date. */
@Schema(name = "DateMention", description = "A date the report writes, in the Gregorian, Solar Hijri or Hijri calendar, "
        + "in Western or Arabic-Indic digits, with the day it names.")
public record DateMention(
        @Schema(required = true, description = "The date as written.", example = "22 / اسفند / 1401") String text,
        @Schema(required = true) Span span,
        @Schema(required = true, description = "The calendar it is written in.", enumeration = {"gregorian", "persian", "islamic"},
                example = "persian") String calendar,
        @Schema(required = true, description = "The day it names, as an ISO 8601 Gregorian date.", example = "2023-03-13")
        LocalDate date) {
}
