package org.dicta.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending parameter or field, with what is wrong with it, in words the sender can act on. */
@Schema(name = "Violation", description = "One invalid parameter or field.")
public record Violation(
        @Schema(required = true, description = "The parameter or field at fault.", example = "limit") String field,
        @Schema(required = true, description = "What is wrong with it.", example = "must be a whole number between 1 and 100, not '500'")
        String message) {
}
