package org.dicta.finder;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @APIResponse(responseCode = "200", description = "The proposed statements (the example shows one already recorded and one new, its reports list shortened).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingStatements.class),
                    examples = @ExampleObject(name = "found", value = "{\"meeting\": \"2023-03-13-leader-receives-lukashenko\", \"reports\": [], \"statements\": [{\"speaker\": {\"id\": \"ali-khamenei\"}, \"quote\": \"khamenei-north-south-corridor\", \"confidence\": 0.7, \"variants\": [{\"source\": \"002_fcbcff514eaca929\", \"lang\": \"en\", \"text\": \"this corridor would benefit Iran, Belarus, Russia, and the region and that Tehran and Minsk should strive to make it a reality\", \"span\": {\"start\": 1955, \"end\": 2081}, \"mode\": \"indirect\", \"speaker\": {\"id\": \"ali-khamenei\", \"mention\": {\"text\": \"He\", \"span\": {\"start\": 1944, \"end\": 1946}}}, \"cue\": {\"text\": \"added that\", \"span\": {\"start\": 1947, \"end\": 1957}}, \"confidence\": 0.8, \"variant\": 36}]}, {\"speaker\": {\"id\": \"ali-khamenei\"}, \"quote\": null, \"confidence\": 0.62, \"variants\": [{\"source\": \"005_new_report\", \"lang\": \"ar\", \"text\": \"إنشاء هذا الممر في مصلحة البلدين\", \"span\": {\"start\": 120, \"end\": 152}, \"mode\": \"direct\", \"cue\": {\"text\": \"قائلاً:\", \"span\": {\"start\": 112, \"end\": 119}}, \"confidence\": 0.81}], \"draft\": {\"speaker\": \"ali-khamenei\", \"meeting\": \"2023-03-13-leader-receives-lukashenko\", \"topics\": [\"north-south-corridor\"], \"variants\": [{\"source\": \"005_new_report\", \"lang\": \"ar\", \"mode\": \"direct\", \"text\": \"إنشاء هذا الممر في مصلحة البلدين\", \"span\": {\"start\": 120, \"end\": 152}}]}}]}")))
    public MeetingStatements statements(
            @Parameter(description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko") @RestPath String id) {
        return finding.meeting(id);
    }
}
