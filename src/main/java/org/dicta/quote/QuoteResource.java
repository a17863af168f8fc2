package org.dicta.quote;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.Parameters;
import org.dicta.web.ResourceNotFoundException;
import org.dicta.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Quotes: one by id, and the whole list with filters. */
@Path("/api/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes", description = "Attributed statements, each with its variants across languages and the exact span of every variant in its source.")
public class QuoteResource {

    @Inject
    QuoteService quotes;

    @Inject
    LanguageNegotiation languages;

    @Inject
    QuoteListing listing;

    @GET
    @Operation(operationId = "listQuotes", summary = "List quotes",
            description = "Quotes in a stable order (by id), filtered by speaker, meeting and language, a page at a time.")
    public RestResponse<Page<QuoteView>> list(
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "alexander-lukashenko") @RestQuery List<String> speaker,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @Parameter(description = QuoteListing.LANG_FILTER, example = "ur") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        Parameters parameters = new Parameters();
        List<String> speakers = parameters.ids("speaker", speaker);
        String meetingId = parameters.id("meeting", meeting);
        return listing.list(parameters, speakers, meetingId, lang, page, uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQuote", summary = "Get one quote",
            description = "A quote with its variants. With `lang`, only the variants in that language; when the quote has none, "
                    + "those in English, else in the first language it has (the `Content-Language` header says which).")
    public RestResponse<QuoteView> get(
            @Parameter(description = "Quote id.", example = "khamenei-neutralise-sanctions-weapon") @RestPath String id,
            @Parameter(description = "Language of the variants and names to serve (BCP 47 tag); without it, all.", example = "fa")
            @RestQuery String lang) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        Quote quote = quotes.find(id).orElseThrow(() -> new ResourceNotFoundException("quote", id));
        return Responses.ok(QuoteView.from(quote, language), language);
    }
}
