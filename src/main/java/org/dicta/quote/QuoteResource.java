package org.dicta.quote;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.meeting.Meeting;
import org.dicta.speaker.Speaker;
import org.dicta.web.ApiConfig;
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

/** Quotes: one by id, the whole list with filters, and the lists of one speaker or one meeting. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes", description = "Attributed statements, each with its variants across languages and the exact span of every variant in its source.")
public class QuoteResource {

    private static final String LANG_FILTER = "Only quotes that have a variant in this language (BCP 47 tag from /api/v1/languages), "
            + "with only those variants; speaker names and meeting titles are served in it too, falling back to English, "
            + "then to the first language available.";

    @Inject
    QuoteService quotes;

    @Inject
    LanguageNegotiation languages;

    @Inject
    ApiConfig config;

    @GET
    @Path("quotes")
    @Operation(operationId = "listQuotes", summary = "List quotes",
            description = "Quotes in a stable order (by id), filtered by speaker, meeting and language, a page at a time.")
    public RestResponse<Page<QuoteView>> list(
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "alexander-lukashenko") @RestQuery List<String> speaker,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @Parameter(description = LANG_FILTER, example = "ur") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        Parameters parameters = new Parameters();
        List<String> speakers = parameters.ids("speaker", speaker);
        String meetingId = parameters.id("meeting", meeting);
        return list(parameters, speakers, meetingId, lang, page, uri);
    }

    @GET
    @Path("quotes/{id}")
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

    @GET
    @Path("speakers/{id}/quotes")
    @Operation(operationId = "listSpeakerQuotes", summary = "List one speaker's quotes",
            description = "The quotes attributed to one speaker, with the same filters and paging as /api/v1/quotes.")
    public RestResponse<Page<QuoteView>> listBySpeaker(
            @Parameter(description = "Speaker id.", example = "alexander-lukashenko") @RestPath String id,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @Parameter(description = LANG_FILTER, example = "ur") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        if (Speaker.findByIdOptional(id).isEmpty()) {
            throw new ResourceNotFoundException("speaker", id);
        }
        Parameters parameters = new Parameters();
        String meetingId = parameters.id("meeting", meeting);
        return list(parameters, List.of(id), meetingId, lang, page, uri);
    }

    @GET
    @Path("meetings/{id}/quotes")
    @Operation(operationId = "listMeetingQuotes", summary = "List the quotes of one meeting",
            description = "The quotes made at one meeting, with the same filters and paging as /api/v1/quotes.")
    public RestResponse<Page<QuoteView>> listByMeeting(
            @Parameter(description = "Meeting id.", example = "2023-03-13-leader-receives-lukashenko") @RestPath String id,
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "ali-khamenei") @RestQuery List<String> speaker,
            @Parameter(description = LANG_FILTER, example = "en") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        if (Meeting.findByIdOptional(id).isEmpty()) {
            throw new ResourceNotFoundException("meeting", id);
        }
        Parameters parameters = new Parameters();
        List<String> speakers = parameters.ids("speaker", speaker);
        return list(parameters, speakers, id, lang, page, uri);
    }

    private RestResponse<Page<QuoteView>> list(Parameters parameters, List<String> speakers, String meeting, String lang,
            PageParameters page, UriInfo uri) {
        LanguageChoice language = languages.read(parameters, lang);
        int limit = parameters.limit(page.limit, config);
        QuoteFilter filter = new QuoteFilter(speakers, meeting, language.requested());
        String after = parameters.cursor(page.cursor, filter.fingerprint());
        parameters.throwIfInvalid();
        return Responses.page(quotes.listAfter(filter, after, limit + 1), limit, quote -> quote.id, filter.fingerprint(),
                quote -> QuoteView.from(quote, language), uri, language);
    }
}
