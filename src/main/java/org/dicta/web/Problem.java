package org.dicta.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.dicta.domain.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, the shape of every error Dicta returns. */
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (media type application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(required = true, description = "URI reference identifying the kind of problem; `about:blank` when the HTTP status says it all.",
                example = "/problems/invalid-parameter") String type,
        @Schema(required = true, description = "Short summary of the kind of problem.", example = "Invalid request parameter") String title,
        @Schema(required = true, description = "HTTP status code.", example = "400") int status,
        @Schema(required = true, description = "What went wrong with this request, and how to put it right.",
                example = "limit: must be a whole number between 1 and 100, not '500'") String detail,
        @Schema(required = true, description = "The request path that had the problem.", example = "/api/v1/quotes") String instance,
        @Schema(description = "For invalid input: every offending parameter or field with its message.")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

}
