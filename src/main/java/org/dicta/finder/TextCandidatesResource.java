package org.dicta.finder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dicta.auth.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The statement finder on a report that is not stored yet. */
@Path("/api/v1/candidates")
@Tag(name = "Statement finder", description = "Reads reports and proposes attributed, span-pinned statements for editors to "
        + "judge; it never writes. See docs/finder.md.")
public class TextCandidatesResource {

    private final StatementFinding finding;

    TextCandidatesResource(StatementFinding finding) {
        this.finding = finding;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "findTextCandidates", summary = "Find the statements in a text not stored yet (editors)",
            description = "Answers as GET /api/v1/sources/{id}/candidates does, for a text sent in the body: offsets are into "
                    + "that text, which is what the source will hold once stored unchanged. Stores nothing. Give `meeting` "
                    + "when the report is about a known meeting: its participants break ties between speakers.")
    @APIResponse(responseCode = "200", description = "The candidates found in the text; `source` is absent.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportCandidates.class),
                    examples = @ExampleObject(name = "found", value = "{\"lang\": \"ur\", \"items\": [{\"text\": \"یہ کوریڈور دونوں ملکوں کے مفاد میں ہے\", \"span\": {\"start\": 17, \"end\": 53}, \"mode\": \"indirect\", \"speaker\": {\"id\": \"ali-khamenei\", \"mention\": {\"text\": \"انھوں\", \"span\": {\"start\": 0, \"end\": 5}}}, \"cue\": {\"text\": \"نے کہا کہ\", \"span\": {\"start\": 6, \"end\": 16}}, \"confidence\": 0.8}], \"dates\": [], \"speakers\": [{\"id\": \"ali-khamenei\", \"mentions\": 1}]}")))
    public ReportCandidates candidates(@Valid @NotNull TextToRead input) {
        return finding.text(input);
    }
}
