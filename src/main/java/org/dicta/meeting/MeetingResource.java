package org.dicta.meeting;

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

/** Meetings: the occasions at which statements were made. */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "Occasions at which statements were made, with participants and the sources that report them.")
public class MeetingResource {

    private static final String LIST_FILTERS = "meetings";
    private static final String LANG = "Language of titles, places and names (BCP 47 tag); missing ones fall back to English, "
            + "then to the first language available. Without it, all languages.";

    @Inject
    LanguageNegotiation languages;

    @Inject
    ApiConfig config;

    @Inject
    MeetingEditor editor;

    @Inject
    CurrentEditor currentEditor;

    @Inject
    Revisions revisions;

    @GET
    @Operation(operationId = "listMeetings", summary = "List meetings", description = "All meetings in id order, a page at a time.")
    public RestResponse<Page<MeetingView>> list(
            @Parameter(description = LANG, example = "fa") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        PageRequest request = parameters.page(page, config, Cursor.fingerprint(LIST_FILTERS));
        parameters.throwIfInvalid();
        return Responses.page(Meeting.listAfter(request.after(), request.rowsToFetch()), request, meeting -> meeting.id,
                meeting -> MeetingView.from(meeting, language), uri, language);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMeeting", summary = "Get one meeting", description = "A meeting with its date, title, place, "
            + "participants and their roles, and the sources that report it. With `lang` or Accept-Language, its title, "
            + "place and participants' names only in the language served (the `Content-Language` header says which).")
    public RestResponse<MeetingView> get(
            @Parameter(description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko") @RestPath String id,
            @Parameter(description = LANG, example = "en") @RestQuery String lang,
            @Parameter(description = "An ETag from an earlier GET: 304 when the meeting has not changed.", example = "\"0\"")
            @RestHeader("If-None-Match") String ifNoneMatch) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        Meeting meeting = Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("meeting", id));
        return Responses.versioned(MeetingView.from(meeting, language), language, meeting.version, ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "createMeeting", summary = "Add a meeting (editors)",
            description = "The change is recorded in the meeting's public revisions.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new meeting and `ETag` its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingView.class)))
    public RestResponse<MeetingView> create(@Valid @NotNull MeetingInput input, UriInfo uri) {
        Meeting created = editor.create(input, currentEditor.name());
        return written(created.id, RestResponse.ResponseBuilder.created(uri.getBaseUriBuilder().path("api/v1/meetings/{id}")
                .build(created.id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "replaceMeeting", summary = "Correct a meeting (editors)",
            description = "Replaces the meeting with the one sent. Needs If-Match with the current ETag (428 without, 412 when stale).")
    public RestResponse<MeetingView> replace(
            @Parameter(description = "Meeting id.", example = "2023-03-13-raisi-lukashenko-talks") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull MeetingInput input) {
        return written(editor.replace(id, input, ifMatch, currentEditor.name()).id, RestResponse.ResponseBuilder.ok());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "patchMeeting", summary = "Correct part of a meeting (editors)",
            description = "Applies a JSON Merge Patch (RFC 7396) to the meeting as PUT takes it. Needs If-Match, like PUT.")
    public RestResponse<MeetingView> patch(
            @Parameter(description = "Meeting id.", example = "2023-03-13-raisi-lukashenko-talks") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(description = "A JSON Merge Patch of MeetingInput.",
                    content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = MeetingInput.class)))
            @NotNull JsonNode patch) {
        return written(editor.patch(id, patch, ifMatch, currentEditor.name()).id, RestResponse.ResponseBuilder.ok());
    }

    @DELETE
    @Path("{id}")
    // A 204 has no body: a client that accepts only problems (as generated clients do for a void operation) is served.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteMeeting", summary = "Delete a meeting nothing refers to (admins)",
            description = "409 while quotes refer to it. Needs If-Match. Its revisions stay public.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public RestResponse<Void> delete(
            @Parameter(description = "Meeting id.", example = "2023-03-13-raisi-lukashenko-talks") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RestQuery @Size(max = 2000) @PlainText String reason) {
        editor.delete(id, ifMatch, reason, currentEditor.name());
        return RestResponse.noContent();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(operationId = "listMeetingRevisions", summary = "A meeting's history",
            description = "Every change to the meeting, oldest first, with who made it, when, why, and its state before and "
                    + "after; public. Always a single page.")
    public Page<RevisionView> revisions(@Parameter(description = "Meeting id.", example = "2023-03-13-raisi-lukashenko-talks") @RestPath String id) {
        return revisions.history(MeetingEditor.KIND, id, Meeting.findByIdOptional(id).isPresent());
    }

    private RestResponse<MeetingView> written(String id, RestResponse.ResponseBuilder<MeetingView> builder) {
        Meeting stored = Meeting.<Meeting>findByIdOptional(id).orElseThrow();
        LanguageChoice all = languages.all();
        return Responses.written(MeetingView.from(stored, all), stored.version, builder);
    }
}
