package org.dicta.quote;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.MediaTypes;
import org.dicta.web.PageParameters;
import org.dicta.web.Problem;
import org.dicta.web.Parameters;
import org.dicta.web.ResourceNotFoundException;
import org.dicta.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Quotes: the filtered and searchable list with its exports, one quote by id, and a random one. */
@Path("/api/v1/quotes")
@Tag(name = "Quotes", description = "Attributed statements, each with its variants across languages and the exact span of every variant in its source.")
public class QuoteResource {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    public static final String JSON_LD = "application/ld+json";

    private static final List<MediaType> LIST_FORMATS = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(NDJSON),
            MediaType.valueOf(CSV));
    private static final List<MediaType> QUOTE_FORMATS = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(JSON_LD));

    @Inject
    QuoteService quotes;

    @Inject
    QuoteListing listing;

    @Inject
    QuoteExport export;

    @Inject
    LanguageNegotiation languages;

    @GET
    @Produces({MediaType.APPLICATION_JSON, NDJSON, CSV})
    @Operation(operationId = "listQuotes", summary = "List, filter and search quotes",
            description = "Quotes newest first (or by relevance with `q`), filtered by speaker, meeting, topic, language, "
                    + "mode, dates and change time, a page at a time. With `Accept: application/x-ndjson` every matching "
                    + "quote is streamed, one JSON object per line, without paging; with `Accept: text/csv`, one row per "
                    + "variant with a header row, in UTF-8 with a byte order mark.")
    @APIResponse(responseCode = "200", description = "The quotes.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/PageQuoteView")),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = QuoteView.class,
                    description = "One Quote per line (this schema describes each line).")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV, UTF-8 with BOM; "
                    + "columns: " + QuoteExport.CSV_COLUMNS_DESCRIPTION))})
    public Response list(
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "alexander-lukashenko") @RestQuery List<String> speaker,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @BeanParam QuoteFilterParameters filters, @BeanParam PageParameters page, UriInfo uri, HttpHeaders headers) {
        Parameters parameters = new Parameters();
        List<String> speakers = parameters.ids("speaker", speaker);
        String meetingId = parameters.id("meeting", meeting);
        MediaType format = MediaTypes.negotiate(headers, LIST_FORMATS);
        if (format.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return listing.list(parameters, speakers, meetingId, filters, page, uri).toResponse();
        }
        LanguageChoice language = languages.read(parameters, filters.lang);
        QuoteFilter filter = listing.filter(parameters, speakers, meetingId, filters, language);
        parameters.throwIfInvalid();
        quotes.checkReferences(filter); // before the stream starts, while an error can still be a 400
        return Response.ok(format.isCompatible(MediaType.valueOf(CSV))
                        ? export.csv(filter, language) : export.ndjson(filter, language))
                .type(format.isCompatible(MediaType.valueOf(CSV)) ? CSV + "; charset=UTF-8" : NDJSON)
                .build();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, JSON_LD})
    @Operation(operationId = "getQuote", summary = "Get one quote",
            description = "A quote with its variants. With `lang` or Accept-Language, only the variants in the best language "
                    + "the quote has (the `Content-Language` header says which), and `text` holds the first of them. With "
                    + "`Accept: application/ld+json`, schema.org JSON-LD: the quote as a Quotation whose variants are its "
                    + "`workExample`s, each `isBasedOn` its source and linked to the others by `workTranslation`.")
    @APIResponse(responseCode = "200", description = "The quote.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)),
            @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT,
                    description = "schema.org JSON-LD: a Quotation with its variants as workExample Quotations."))})
    public Response get(
            @Parameter(description = "Quote id.", example = "khamenei-neutralise-sanctions-weapon") @RestPath String id,
            @Parameter(description = "Language of the variants and names to serve (BCP 47 tag), or `all`; without it, "
                    + "Accept-Language decides, and without that, all languages.", example = "fa") @RestQuery String lang,
            UriInfo uri, HttpHeaders headers) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        Quote quote = quotes.find(id).orElseThrow(() -> new ResourceNotFoundException("quote", id));
        MediaType format = MediaTypes.negotiate(headers, QUOTE_FORMATS);
        QuoteView view = QuoteView.from(QuoteMatch.whole(quote), language);
        if (format.isCompatible(MediaType.valueOf(JSON_LD))) {
            RestResponse.ResponseBuilder<Object> builder = RestResponse.ResponseBuilder
                    .ok((Object) QuoteJsonLd.from(view, uri.getBaseUri()), JSON_LD);
            Responses.describeLanguage(builder, language);
            return builder.build().toResponse();
        }
        return Responses.ok(view, language).toResponse();
    }

    @GET
    @Path("random")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRandomQuote", summary = "Get a random quote",
            description = "One quote picked at random among those matching the filters, e.g. for a quote-of-the-moment widget. "
                    + "404 when none matches.")
    @APIResponse(responseCode = "200", description = "A quote.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No quote matches the filters.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<QuoteView> random(
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "ali-khamenei") @RestQuery List<String> speaker,
            @Parameter(description = "Only quotes tagged with one of these topics.", example = "spirituality")
            @RestQuery List<String> topic,
            @Parameter(description = "Only quotes with a variant in this language, showing only those variants; `all` for "
                    + "every language. Without it, Accept-Language chooses the language served.", example = "ur")
            @RestQuery String lang,
            @Parameter(description = "Only quotes with a variant in this mode.", schema = @Schema(implementation = QuoteMode.class),
                    example = "direct") @RestQuery String mode) {
        Parameters parameters = new Parameters();
        List<String> speakers = parameters.ids("speaker", speaker);
        List<String> topics = parameters.ids("topic", topic == null ? List.of() : topic);
        QuoteMode quoteMode = parameters.choice("mode", mode, QuoteMode.class);
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        QuoteFilter filter = new QuoteFilter(speakers, null, topics, language.filter(), quoteMode, null, null, null, null,
                QuoteSort.DATE);
        QuoteMatch match = quotes.random(filter)
                .orElseThrow(() -> new ResourceNotFoundException("No quote matches these filters."));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true); // a different quote each time
        RestResponse.ResponseBuilder<QuoteView> builder = RestResponse.ResponseBuilder.ok(QuoteView.from(match, language))
                .cacheControl(noStore);
        Responses.describeLanguage(builder, language);
        return builder.build();
    }
}
