package org.dicta.meeting;

import java.time.LocalDate;
import java.util.Map;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The short form of a meeting embedded in quotes. */
@Schema(name = "MeetingSummary", description = "A meeting as embedded in quotes; the full record is at /api/v1/meetings/{id}.")
public record MeetingSummary(
        @Schema(description = "Stable slug id.", example = "2023-03-13-leader-receives-lukashenko") String id,
        @Schema(description = "Date of the meeting (ISO 8601), or null when no source states it.", nullable = true,
                example = "2023-03-13") LocalDate date,
        @Schema(description = "Title by language tag; with `lang`, only the language served.",
                example = "{\"en\": \"The Leader of the Islamic Revolution receives the Belarusian President and his delegation\"}")
        Map<String, String> titles) {

    public static MeetingSummary from(Meeting meeting, LanguageChoice language) {
        return new MeetingSummary(meeting.id, meeting.date, language.pick(meeting.titles()));
    }
}
