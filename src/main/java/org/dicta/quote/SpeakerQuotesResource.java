package org.dicta.quote;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.domain.DomainException;
import org.dicta.speaker.Speaker;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The quotes attributed to one speaker: the quote list nested under the speaker. */
@Path("/api/v1/speakers/{id}/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes")
public class SpeakerQuotesResource {

    private final QuoteListing listing;

    SpeakerQuotesResource(QuoteListing listing) {
        this.listing = listing;
    }

    @GET
    @Operation(operationId = "listSpeakerQuotes", summary = "List one speaker's quotes",
            description = "The quotes attributed to one speaker, with the same filters and paging as /api/v1/quotes.")
    public RestResponse<Page<QuoteView>> quotes(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath("id") String id,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @BeanParam QuoteFilter filters, @BeanParam PageParameters page, UriInfo uri) {
        if (Speaker.findByIdOptional(id).isEmpty()) {
            throw DomainException.notFound("speaker", id);
        }
        return listing.list(new Parameters(), filters.bySpeakers(List.of(id)).atMeeting(meeting), page, uri);
    }
}
