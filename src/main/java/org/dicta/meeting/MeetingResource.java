package org.dicta.meeting;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.quote.QuoteFilterParameters;
import org.dicta.quote.QuoteListing;
import org.dicta.quote.QuoteView;
import org.dicta.web.ApiConfig;
import org.dicta.web.Cursor;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.PageRequest;
import org.dicta.web.Parameters;
import org.dicta.web.ResourceNotFoundException;
import org.dicta.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

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
    QuoteListing listing;

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
    @Operation(operationId = "getMeeting", summary = "Get one meeting")
    public RestResponse<MeetingView> get(
            @Parameter(description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko") @RestPath String id,
            @Parameter(description = LANG, example = "en") @RestQuery String lang) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        Meeting meeting = Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("meeting", id));
        return Responses.ok(MeetingView.from(meeting, language), language);
    }

    @GET
    @Path("{id}/quotes")
    @Tag(name = "Quotes")
    @Operation(operationId = "listMeetingQuotes", summary = "List the quotes of one meeting",
            description = "The quotes made at one meeting, with the same filters and paging as /api/v1/quotes.")
    public RestResponse<Page<QuoteView>> quotes(
            @Parameter(description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko") @RestPath String id,
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "ali-khamenei") @RestQuery List<String> speaker,
            @BeanParam QuoteFilterParameters filters, @BeanParam PageParameters page, UriInfo uri) {
        if (Meeting.findByIdOptional(id).isEmpty()) {
            throw new ResourceNotFoundException("meeting", id);
        }
        Parameters parameters = new Parameters();
        List<String> speakers = parameters.ids("speaker", speaker);
        return listing.list(parameters, speakers, id, filters, page, uri);
    }
}
