package org.dicta.quote;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.domain.DomainException;
import org.dicta.meeting.Meeting;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The quotes made at one meeting: the quote list nested under the meeting. */
@Path("/api/v1/meetings/{id}/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes")
public class MeetingQuotesResource {

    private final QuoteListing listing;

    MeetingQuotesResource(QuoteListing listing) {
        this.listing = listing;
    }

    @GET
    @Operation(operationId = "listMeetingQuotes", summary = "List the quotes of one meeting",
            description = "The quotes made at one meeting, with the same filters and paging as /api/v1/quotes.")
    public RestResponse<Page<QuoteView>> quotes(
            @Parameter(description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko") @RestPath("id") String id,
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "ali-khamenei") @RestQuery List<String> speaker,
            @BeanParam QuoteFilter filters, @BeanParam PageParameters page, UriInfo uri) {
        if (Meeting.findByIdOptional(id).isEmpty()) {
            throw DomainException.notFound("meeting", id);
        }
        return listing.list(new Parameters(), filters.bySpeakers(speaker).atMeeting(id), page, uri);
    }
}
