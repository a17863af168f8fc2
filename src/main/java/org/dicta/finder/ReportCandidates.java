package org.dicta.finder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the finder read in one report: its statements, its dates, and the people it names. */
@Schema(name = "ReportCandidates", description = "The statements found in one report, in the order of the text, with the "
        + "dates it writes and the people it names. The finder writes nothing: an editor posts what they accept.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportCandidates(
        @Schema(description = "Source id; absent for a text that is not stored.", example = "001_e2ce688135970981") String source,
        @Schema(required = true, example = "fa") String lang,
        @Schema(required = true) List<Candidate> items,
        @Schema(required = true) List<DateMention> dates,
        @Schema(required = true) List<SpeakerTally> speakers) {
}
