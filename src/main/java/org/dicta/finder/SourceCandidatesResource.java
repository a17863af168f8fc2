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

/** The statement finder on one stored source. */
@Path("/api/v1/sources/{id}/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statement finder")
public class SourceCandidatesResource {

    private final StatementFinding finding;

    SourceCandidatesResource(StatementFinding finding) {
        this.finding = finding;
    }

    @GET
    @Operation(operationId = "findSourceCandidates", summary = "Find the statements in a source",
            description = "Reads a stored source and proposes its attributed statements: the exact words (`text` is the source "
                    + "text's slice at `span`, so a candidate can be posted as a variant unchanged), direct or reported speech, "
                    + "the speaker and the words that name them, and the cue that marks the statement; also the dates the "
                    + "source writes and the people it names. Writes nothing. Rate-limited like searches. The finder reads "
                    + "ar, fa, en and ur; a source in another language is refused with 422.")
    @APIResponse(responseCode = "200", description = "The candidates found in the source, in the order of its text.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportCandidates.class),
                    examples = @ExampleObject(name = "found", value = "{\"source\": \"001_e2ce688135970981\", \"lang\": \"fa\", \"items\": [{\"text\": \"باید با استفاده از روحیه و ارادهای که در دو طرف برای عملی کردن توافقات وجود دارد، سطح روابط افزایش چشمگیری یابد\", \"span\": {\"start\": 261, \"end\": 372}, \"mode\": \"direct\", \"speaker\": {\"id\": \"ali-khamenei\", \"mention\": {\"text\": \"آیت الله خامنهای\", \"span\": {\"start\": 67, \"end\": 83}}}, \"cue\": {\"text\": \"تاکید کردند:\", \"span\": {\"start\": 248, \"end\": 260}}, \"confidence\": 0.81}], \"dates\": [{\"text\": \"22 / اسفند / 1401\", \"span\": {\"start\": 43, \"end\": 60}, \"calendar\": \"persian\", \"date\": \"2023-03-13\"}], \"speakers\": [{\"id\": \"ali-khamenei\", \"mentions\": 9}, {\"id\": \"alexander-lukashenko\", \"mentions\": 7}]}")))
    public ReportCandidates candidates(
            @Parameter(description = "Source id.", example = "001_e2ce688135970981") @RestPath String id) {
        return finding.source(id);
    }
}
