package org.dicta.meeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A meeting as editors write it (POST, PUT, and the document JSON Merge Patch applies to). */
@Schema(name = "MeetingInput", description = "A meeting as editors write it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingInput(
        @Schema(description = "Slug id; required on POST.", example = "2023-03-14-raisi-visits-minsk")
        @Pattern(regexp = "[a-z0-9]+(?:[-_][a-z0-9]+)*", message = "must be a slug: lower-case letters, digits, '-' and '_'")
        @Size(max = 100) String id,
        @Schema(description = "ISO 8601 date; leave it out when no source states it.", example = "2023-03-14") LocalDate date,
        @Schema(required = true, description = "Title by language tag.", example = "{\"en\": \"Raisi visits Minsk\"}")
        @NotEmpty @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 500) String> titles,
        @Schema(description = "Place by language tag.", example = "{\"en\": \"Minsk\"}")
        @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 300) String> places,
        @Schema(description = "Speakers present, with their role.") @Size(max = 100) List<@NotNull @Valid Participant> participants,
        @Schema(description = "Ids of the sources that report the meeting.") @Size(max = 500) List<@NotNull String> sources,
        @Schema(description = "Why this change is made; shown in the meeting's revisions.") @Size(max = 2000) String reason) {

    /** A participant. */
    @Schema(name = "ParticipantInput", description = "A speaker present at a meeting, in a role.")
    public record Participant(
            @Schema(required = true, example = "ebrahim-raisi") @NotBlank String speaker,
            @Schema(required = true, example = "guest") @NotNull ParticipantRole role) {
    }

    public static MeetingInput of(Meeting meeting) {
        return new MeetingInput(meeting.id, meeting.date, meeting.titles(), meeting.places(),
                meeting.participants.stream().map(p -> new Participant(p.speaker.id, p.role)).toList(),
                meeting.sources.stream().map(source -> source.id).toList(), null);
    }
}
