package org.dicta.speaker;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.auth.CurrentEditor;
import org.dicta.auth.Roles;
import org.dicta.history.Revisions;
import org.dicta.history.RevisionView;
import org.dicta.search.Tokens;
import org.dicta.web.ApiConfig;
import org.dicta.web.Cursor;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.MergePatch;
import org.dicta.web.Page;
import org.dicta.web.PlainText;
import org.dicta.web.Problem;
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

/** Speakers: the people and organizations statements are attributed to. */
@Path("/api/v1/speakers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Speakers", description = "People and organizations to whom statements are attributed, named in every language.")
public class SpeakerResource {

    private static final String LIST_FILTERS = "speakers";
    private static final int MAX_NAME_QUERY = 200;
    private static final String LANG = "Language of names and titles (BCP 47 tag); missing ones fall back to English, "
            + "then to the first language available. Without it, all languages.";

    @Inject
    LanguageNegotiation languages;

    @Inject
    ApiConfig config;

    @Inject
    SpeakerEditor editor;

    @Inject
    CurrentEditor currentEditor;

    @Inject
    Revisions revisions;

    @GET
    @Operation(operationId = "listSpeakers", summary = "List and find speakers",
            description = "Speakers in id order, a page at a time; with `q`, those whose names or aliases match.")
    public RestResponse<Page<SpeakerView>> list(
            @Parameter(description = "Only speakers whose names or aliases, in any language, contain these words; spelling "
                    + "and script variants are folded as in quote search, and the last word may be the start of a word "
                    + "(`Lukash`). At most 200 characters.", example = "لوکاشنکو") @RestQuery String q,
            @Parameter(description = LANG, example = "ar") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        List<String> words = List.of();
        if (q != null) {
            words = Tokens.terms(q);
            if (q.length() > MAX_NAME_QUERY || words.isEmpty()) {
                parameters.reject("q", q.length() > MAX_NAME_QUERY ? "is longer than " + MAX_NAME_QUERY + " characters"
                        : "has no word to search for");
            }
        }
        PageRequest request = parameters.page(page, config, Cursor.fingerprint(LIST_FILTERS + "&q=" + String.join(" ", words)));
        parameters.throwIfInvalid();
        return Responses.page(Speaker.listAfter(request.after(), words, request.rowsToFetch()), request, speaker -> speaker.id,
                speaker -> SpeakerView.from(speaker, language), uri, language);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSpeaker", summary = "Get one speaker", description = "A person or organization with its "
            + "names, titles and aliases. With `lang` or Accept-Language, only those in the language served (the "
            + "`Content-Language` header says which).")
    public RestResponse<SpeakerView> get(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id,
            @Parameter(description = LANG, example = "ur") @RestQuery String lang,
            @Parameter(description = "An ETag from an earlier GET: 304 when the speaker has not changed.", example = "\"0\"")
            @RestHeader("If-None-Match") String ifNoneMatch) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        Speaker speaker = Speaker.<Speaker>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("speaker", id));
        return Responses.versioned(SpeakerView.from(speaker, language), language, speaker.version, ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSpeaker", summary = "Add a speaker (admins)",
            description = "The change is recorded in the speaker's public revisions.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new speaker and `ETag` its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerView.class)))
    public RestResponse<SpeakerView> create(@Valid @NotNull SpeakerInput input, UriInfo uri) {
        Speaker created = editor.create(input, currentEditor.name());
        return written(created.id, RestResponse.ResponseBuilder.created(uri.getBaseUriBuilder().path("api/v1/speakers/{id}")
                .build(created.id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replaceSpeaker", summary = "Correct a speaker (admins)",
            description = "Replaces the speaker with the one sent. Needs If-Match with the current ETag (428 without, 412 when stale).")
    public RestResponse<SpeakerView> replace(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull SpeakerInput input) {
        return written(editor.replace(id, input, ifMatch, currentEditor.name()).id, RestResponse.ResponseBuilder.ok());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "patchSpeaker", summary = "Correct part of a speaker (admins)",
            description = "Applies a JSON Merge Patch (RFC 7396) to the speaker as PUT takes it. Needs If-Match, like PUT.")
    public RestResponse<SpeakerView> patch(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(description = "A JSON Merge Patch of SpeakerInput.",
                    content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = SpeakerInput.class)))
            @NotNull JsonNode patch) {
        return written(editor.patch(id, patch, ifMatch, currentEditor.name()).id, RestResponse.ResponseBuilder.ok());
    }

    @DELETE
    @Path("{id}")
    // A 204 has no body: a client that accepts only problems (as generated clients do for a void operation) is served.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteSpeaker", summary = "Delete a speaker nothing refers to (admins)",
            description = "409 while quotes or meetings refer to it. Needs If-Match. Its revisions stay public.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public RestResponse<Void> delete(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RestQuery @Size(max = 2000) @PlainText String reason) {
        editor.delete(id, ifMatch, reason, currentEditor.name());
        return RestResponse.noContent();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(operationId = "listSpeakerRevisions", summary = "A speaker's history",
            description = "Every change to the speaker, oldest first, with who made it, when, why, and its state before and "
                    + "after; public. Always a single page.")
    public Page<RevisionView> revisions(@Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id) {
        return revisions.history(SpeakerEditor.KIND, id, Speaker.findByIdOptional(id).isPresent());
    }

    private RestResponse<SpeakerView> written(String id, RestResponse.ResponseBuilder<SpeakerView> builder) {
        Speaker stored = Speaker.<Speaker>findByIdOptional(id).orElseThrow();
        LanguageChoice all = languages.all();
        return Responses.written(SpeakerView.from(stored, all), stored.version, builder);
    }
}
