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
    public ReportCandidates candidates(@Valid @NotNull TextToRead input) {
        return finding.text(input);
    }
}
