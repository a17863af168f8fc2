package org.dicta.finder;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who the finder thinks made a statement: a speaker of the catalogue ({@code id}), or a person it does not know
 * ({@code id} null, {@code name} as the report writes it), and the words that name them (a name, a title, a pronoun,
 * or the verb whose implicit subject they are).
 */
@Schema(name = "CandidateSpeaker", description = "Who made the statement: a catalogue speaker (`id`), or a person the "
        + "catalogue does not hold (`id` null, `name` as the report writes it, so that an editor can add the speaker).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeakerGuess(
        @Schema(description = "Catalogue speaker id; null when the person is not in the catalogue.", example = "ali-khamenei",
                nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String id,
        @Schema(description = "The name as written, for a person not in the catalogue.", example = "آقای لوکاشنکو") String name,
        @Schema(description = "The words the attribution rests on: a name, a title, a pronoun, or the verb whose implicit "
                + "subject the speaker is.") Mention mention) {
}
