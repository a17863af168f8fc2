package org.dicta.meeting;

import java.time.LocalDate;
import java.util.Map;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The short form of a meeting embedded in quotes. */
@Schema(name = "MeetingSummary", description = "A meeting as embedded in quotes; the full record is at /api/v1/meetings/{id}.")
public record MeetingSummary(
        @Schema(required = true, description = "Stable slug id.", example = "2023-03-13-leader-receives-lukashenko") String id,
        @Schema(required = true, description = "Date of the meeting (ISO 8601), or null when no source states it.", nullable = true, implementation = String.class, format = "date",
                example = "2023-03-13") LocalDate date,
        @Schema(required = true, description = "Title by language tag; with `lang`, only the language served.",
                example = "{\"en\": \"The Leader of the Islamic Revolution receives the Belarusian President and his delegation\"}")
        Map<String, String> titles) {

    public static MeetingSummary from(Meeting meeting, LanguageChoice language) {
        return new MeetingSummary(meeting.id, meeting.date, language.pick(meeting.titles()));
    }
}
