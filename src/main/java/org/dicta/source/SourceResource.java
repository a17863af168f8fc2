package org.dicta.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.auth.CurrentEditor;
import org.dicta.auth.Roles;
import org.dicta.history.Revisions;
import org.dicta.history.RevisionView;
import org.dicta.language.LanguageCatalog;
import org.dicta.web.ApiConfig;
import org.dicta.web.Cursor;
import org.dicta.web.LanguageChoice;
import org.dicta.web.MergePatch;
import org.dicta.web.Page;
import org.dicta.web.PlainText;
import org.dicta.web.Problem;
import org.dicta.web.Preconditions;
import org.dicta.web.PageParameters;
import org.dicta.web.PageRequest;
import org.dicta.web.Parameters;
import org.dicta.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.dicta.domain.DomainException;

/** Sources: the reporting documents, with their full texts for verifying every span. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "Reporting documents with their full text and SHA-256, against which every quote can be verified.")
public class SourceResource {

    @Inject
    LanguageCatalog catalog;

    @Inject
    SourceEditor editor;

    @Inject
    CurrentEditor currentEditor;

    @Inject
    Revisions revisions;

    @Inject
    ApiConfig config;

    @GET
    @Operation(operationId = "listSources", summary = "List sources",
            description = "All sources in id order, without their texts, a page at a time.")
    public RestResponse<Page<SourceSummary>> list(
            @Parameter(description = "Only sources written in this language (BCP 47 tag).", example = "ar") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        Parameters parameters = new Parameters();
        String code = parameters.language(lang, catalog);
        PageRequest request = parameters.page(page, config, Cursor.fingerprint("sources&lang=" + code));
        parameters.throwIfInvalid();
        List<Source> rows = Source.listAfter(request.after(), code, request.rowsToFetch());
        // Sources have no multilingual fields: lang only filters, and Accept-Language plays no part.
        LanguageChoice language = LanguageChoice.all(catalog.names(), config.fallbackLanguage(), false);
        return Responses.page(rows, request, source -> source.id, SourceSummary::from, uri, language);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSource", summary = "Get one source with its full text",
            description = "The document exactly as received: `text` is never normalised, and its UTF-8 bytes hash to `sha256`.")
    public RestResponse<SourceView> get(@Parameter(description = "Source id.", example = "004_dbc71cf8bbbb5a4e") @RestPath String id,
            @Parameter(description = "An ETag from an earlier GET: 304 when the source has not changed.", example = "\"0\"")
            @RestHeader("If-None-Match") String ifNoneMatch) {
        Source source = Source.<Source>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("source", id));
        String etag = Preconditions.etag(source.version);
        if (Preconditions.notModified(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<SourceView>create(RestResponse.Status.NOT_MODIFIED).header(HttpHeaders.ETAG, etag).build();
        }
        return RestResponse.ResponseBuilder.ok(SourceView.from(source)).header(HttpHeaders.ETAG, etag).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "createSource", summary = "Add a source (editors)",
            description = "Stores a reporting document exactly as sent, with its SHA-256; quotes can then cite it.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new source and `ETag` its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public RestResponse<SourceView> create(@Valid @NotNull SourceInput input, UriInfo uri) {
        Source source = editor.create(input, currentEditor.name());
        return written(source.id, RestResponse.ResponseBuilder.created(uri.getBaseUriBuilder().path("api/v1/sources/{id}")
                .build(source.id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "replaceSource", summary = "Correct a source (editors)",
            description = "Replaces the source's metadata (and its text, while no quote cites it: 409 otherwise). Needs "
                    + "If-Match with the current ETag (428 without, 412 when stale).")
    public RestResponse<SourceView> replace(
            @Parameter(description = "Source id.", example = "004_dbc71cf8bbbb5a4e") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull SourceInput input) {
        return written(editor.replace(id, input, ifMatch, currentEditor.name()).id, RestResponse.ResponseBuilder.ok());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "patchSource", summary = "Correct part of a source (editors)",
            description = "Applies a JSON Merge Patch (RFC 7396) to the source as PUT takes it. Needs If-Match, like PUT.")
    public RestResponse<SourceView> patch(
            @Parameter(description = "Source id.", example = "004_dbc71cf8bbbb5a4e") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(description = "A JSON Merge Patch of SourceInput.",
                    content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = SourceInput.class)))
            @NotNull JsonNode patch) {
        return written(editor.patch(id, patch, ifMatch, currentEditor.name()).id, RestResponse.ResponseBuilder.ok());
    }

    @DELETE
    @Path("{id}")
    // A 204 has no body: a client that accepts only problems (as generated clients do for a void operation) is served.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteSource", summary = "Delete a source no quote cites (admins)",
            description = "409 while quotes cite it. Needs If-Match. Its revisions stay public.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public RestResponse<Void> delete(
            @Parameter(description = "Source id.", example = "004_dbc71cf8bbbb5a4e") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RestQuery @Size(max = 2000) @PlainText String reason) {
        editor.delete(id, ifMatch, reason, currentEditor.name());
        return RestResponse.noContent();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(operationId = "listSourceRevisions", summary = "A source's history",
            description = "Every change to the source, oldest first, with who made it, when, why, and the source before and "
                    + "after; public. Always a single page.")
    public Page<RevisionView> revisions(@Parameter(description = "Source id.", example = "004_dbc71cf8bbbb5a4e") @RestPath String id) {
        return revisions.history(SourceEditor.ENTITY, id, Source.findByIdOptional(id).isPresent());
    }

    private RestResponse<SourceView> written(String id, RestResponse.ResponseBuilder<SourceView> builder) {
        Source source = Source.<Source>findByIdOptional(id).orElseThrow();
        return Responses.written(SourceView.from(source), source.version, builder);
    }
}
