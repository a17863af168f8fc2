package org.dicta.finder;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** The statement finder across a meeting's reports. */
@Path("/api/v1/meetings/{id}/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statement finder")
public class MeetingCandidatesResource {

    private final StatementFinding finding;

    MeetingCandidatesResource(StatementFinding finding) {
        this.finding = finding;
    }

    @GET
    @Operation(operationId = "findMeetingStatements", summary = "Propose a meeting's statements across its reports",
            description = "Reads every source of the meeting (in the languages the finder reads) and groups their candidates "
                    + "into proposed statements: every candidate in exactly one statement, at most one variant per source. A "
                    + "statement whose words an existing quote already holds names that quote, and its draft holds only the "
                    + "reports the quote lacks. Writes nothing. Rate-limited like searches.")
    public MeetingStatements statements(
            @Parameter(description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko") @RestPath String id) {
        return finding.meeting(id);
    }
}
