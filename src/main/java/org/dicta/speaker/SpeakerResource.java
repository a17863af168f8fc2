package org.dicta.speaker;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.quote.QuoteFilterParameters;
import org.dicta.search.Tokens;
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
    QuoteListing listing;

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
    @Operation(operationId = "getSpeaker", summary = "Get one speaker")
    public RestResponse<SpeakerView> get(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id,
            @Parameter(description = LANG, example = "ur") @RestQuery String lang) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        Speaker speaker = Speaker.<Speaker>findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("speaker", id));
        return Responses.ok(SpeakerView.from(speaker, language), language);
    }

    @GET
    @Path("{id}/quotes")
    @Tag(name = "Quotes")
    @Operation(operationId = "listSpeakerQuotes", summary = "List one speaker's quotes",
            description = "The quotes attributed to one speaker, with the same filters and paging as /api/v1/quotes.")
    public RestResponse<Page<QuoteView>> quotes(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @BeanParam QuoteFilterParameters filters, @BeanParam PageParameters page, UriInfo uri) {
        if (Speaker.findByIdOptional(id).isEmpty()) {
            throw new ResourceNotFoundException("speaker", id);
        }
        Parameters parameters = new Parameters();
        String meetingId = parameters.id("meeting", meeting);
        return listing.list(parameters, List.of(id), meetingId, filters, page, uri);
    }
}
