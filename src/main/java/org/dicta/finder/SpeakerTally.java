package org.dicta.finder;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person a report names, and how often it names them (by name, title or pronoun). */
@Schema(name = "SpeakerTally", description = "A person the report names, and how many times (by name, title or pronoun).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeakerTally(
        @Schema(description = "Catalogue speaker id; null for a person the catalogue does not hold.", nullable = true,
                example = "ali-khamenei") @JsonInclude(JsonInclude.Include.ALWAYS) String id,
        @Schema(description = "The name as written, for a person not in the catalogue.") String name,
        @Schema(required = true, example = "5") int mentions) {
}
