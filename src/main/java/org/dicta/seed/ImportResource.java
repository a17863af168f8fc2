package org.dicta.seed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.dicta.auth.CurrentEditor;
import org.dicta.auth.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import of a corpus in the seeds' format. */
@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bulk import of a corpus in the seeds' format (see seeds/README.md).")
public class ImportResource {

    public static final String ZIP = "application/zip";

    @Inject
    CorpusImporter imports;

    @Inject
    CurrentEditor currentEditor;

    @POST
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "importCorpus", summary = "Import a corpus (editors)",
            description = "Takes a zip of annotations.yaml and the documents it names, in the seeds' format; its references "
                    + "may also name stored resources. Applies it in one transaction: each resource is created, updated "
                    + "(with a revision) or left unchanged, and the report says which. A faulty entry fails the whole import "
                    + "with the file and entry named, and nothing changes.")
    public ImportReport importCorpus(
            @RequestBody(required = true, description = "A zip archive of a corpus directory.",
                    content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
            InputStream archive) {
        return imports.importZip(archive, currentEditor.name());
    }
}
