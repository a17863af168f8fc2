package org.dicta.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dicta.source.SourceSummary;
import org.dicta.speaker.SpeakerSummary;
import org.dicta.web.LanguageChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A meeting with its participants and the sources that report it. */
@Schema(name = "Meeting", description = "An occasion at which statements were made, with who took part and who reported it.")
public record MeetingView(
        @Schema(required = true, description = "Stable slug id.", example = "2023-03-13-leader-receives-lukashenko") String id,
        @Schema(required = true, description = "Date of the meeting (ISO 8601), or null when no source states it.", nullable = true, implementation = String.class, format = "date",
                example = "2023-03-13") LocalDate date,
        @Schema(required = true, description = "Title by language tag; with `lang`, only the language served.",
                example = "{\"ar\": \"لقاء قائد الثورة الإسلامية مع رئيس جمهورية بيلاروسيا والوفد المرافق\"}")
        Map<String, String> titles,
        @Schema(required = true, description = "Place by language tag, when a source states it; with `lang`, only the language served.",
                example = "{\"en\": \"Tehran\"}") Map<String, String> places,
        @Schema(required = true, description = "Speakers present, with their role.") List<ParticipantView> participants,
        @Schema(required = true, description = "Documents that report the meeting.") List<SourceSummary> sources) {

    /** A participant and their role. */
    @Schema(name = "Participant", description = "A speaker present at a meeting, in a role.")
    public record ParticipantView(
            @Schema(required = true) SpeakerSummary speaker,
            @Schema(required = true, description = "The speaker's part in the meeting.", example = "host") ParticipantRole role) {
    }

    public static MeetingView from(Meeting meeting, LanguageChoice language) {
        return new MeetingView(meeting.id, meeting.date, language.pick(meeting.titles()), language.pick(meeting.places()),
                meeting.participants.stream()
                        .map(p -> new ParticipantView(SpeakerSummary.from(p.speaker, language), p.role))
                        .toList(),
                meeting.sources.stream().map(SourceSummary::from).toList());
    }
}
