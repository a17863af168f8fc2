package org.dicta.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.dicta.auth.CurrentEditor;
import org.dicta.auth.Roles;
import org.dicta.history.Revisions;
import org.dicta.history.RevisionView;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.InvalidParameterException;
import org.dicta.web.MediaTypes;
import org.dicta.web.MergePatch;
import org.dicta.web.Page;
import org.dicta.web.PlainText;
import org.dicta.web.Preconditions;
import org.dicta.web.ProblemException;
import org.dicta.web.PageParameters;
import org.dicta.web.Problem;
import org.dicta.web.Parameters;
import org.dicta.web.ResponseDependencies;
import org.dicta.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    CurrentVertxRequest currentRequest;

    @Inject
    LanguageNegotiation languages;

    @Inject
    QuoteEditor editor;

    @Inject
    CurrentEditor currentEditor;

    @Inject
    Revisions revisions;

    @Inject
    ResponseDependencies dependencies;

    @GET
    @Produces({MediaType.APPLICATION_JSON, NDJSON, CSV})
    @Operation(operationId = "listQuotes", summary = "List, filter and search quotes",
            description = "Quotes newest first (or by relevance with `q`), filtered by speaker, meeting, topic, language, "
                    + "mode, dates and change time, a page at a time. With `Accept: application/x-ndjson` every matching "
                    + "quote is streamed, one JSON object per line, without paging; with `Accept: text/csv`, one row per "
                    + "variant with a header row, in UTF-8 with a byte order mark.")
    @APIResponse(responseCode = "200", description = "The quotes: as JSON, a page of them; as NDJSON, one Quote per line "
            + "(the schema describes each line); as CSV, one row per variant.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/PageQuoteView")),
            @Content(mediaType = NDJSON, schema = @Schema(ref = "#/components/schemas/Quote")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV, UTF-8 with BOM; "
                    + "columns: " + QuoteExport.CSV_COLUMNS_DESCRIPTION))})
    public Response list(
            @Parameter(description = "Only quotes by these speakers (ids; repeat the parameter or separate with commas).",
                    example = "alexander-lukashenko") @RestQuery List<String> speaker,
            @Parameter(description = "Only quotes from this meeting (id).", example = "2023-03-13-leader-receives-lukashenko")
            @RestQuery String meeting,
            @BeanParam QuoteFilter filters, @BeanParam PageParameters page, UriInfo uri, HttpHeaders headers) {
        Parameters parameters = new Parameters();
        filters.bySpeakers(speaker).atMeeting(meeting);
        MediaType format = MediaTypes.negotiate(headers, LIST_FORMATS);
        if (format.equals(MediaType.APPLICATION_JSON_TYPE)) {
            return Response.fromResponse(listing.list(parameters, filters, page, uri).toResponse())
                    .type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        LanguageChoice language = languages.read(parameters, filters.langParameter());
        QuoteFilter filter = listing.check(parameters, filters, language);
        parameters.throwIfInvalid();
        quotes.checkReferences(filter); // before the stream starts, while an error can still be a 400
        boolean csv = format.equals(MediaType.valueOf(CSV));
        RestResponse.ResponseBuilder<StreamingOutput> builder = RestResponse.ResponseBuilder
                .ok(export.limited(csv ? export.csv(filter, language) : export.ndjson(filter, language),
                        release -> currentRequest.getCurrent().addEndHandler(ended -> release.run())),
                        csv ? CSV + "; charset=UTF-8" : NDJSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        // Which languages the stream holds is known only as it is written: say what was asked for.
        if (!language.allLanguages() && language.filter() != null) {
            builder.header(HttpHeaders.CONTENT_LANGUAGE, language.filter());
        }
        if (language.dependsOnAcceptLanguage()) {
            builder.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
        return builder.build().toResponse();
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
            @Content(mediaType = JSON_LD, schema = @Schema(implementation = QuoteJsonLd.class))})
    public Response get(
            @Parameter(description = "Quote id.", example = "khamenei-neutralise-sanctions-weapon") @RestPath String id,
            @Parameter(description = "Language of the variants and names to serve (BCP 47 tag), or `all`; without it, "
                    + "Accept-Language decides, and without that, all languages.", example = "fa") @RestQuery String lang,
            @Parameter(name = "include_retracted", description = "`true` to see a retracted quote with its retraction "
                    + "(editors only); otherwise a retracted quote is 410.", schema = @Schema(type = SchemaType.BOOLEAN),
                    example = "false") @RestQuery("include_retracted") String includeRetracted,
            UriInfo uri, HttpHeaders headers) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        boolean showRetracted = parameters.flag("include_retracted", includeRetracted);
        parameters.throwIfInvalid();
        dependencies.add(QuoteDependencies.quote(id));
        QuoteRecord quote = quotes.find(id).orElseThrow(() -> DomainException.notFound("quote", id));
        if (quote.retracted()) {
            if (!showRetracted) {
                throw new QuoteRetractedException(quote);
            }
            currentEditor.require();
        }
        MediaType format = MediaTypes.negotiate(headers, QUOTE_FORMATS);
        QuoteView view = QuoteView.from(QuoteMatch.whole(quote), language);
        boolean jsonLd = format.isCompatible(MediaType.valueOf(JSON_LD));
        // Meeting and speaker changes touch updated_at but not the version: the stamp makes them new representations.
        String etag = Preconditions.etag(quote.version(), quote.updatedAt().toInstant().toEpochMilli(), language);
        if (jsonLd) {
            etag = etag.substring(0, etag.length() - 1) + "-ld\"";
        }
        RestResponse.ResponseBuilder<Object> builder = Preconditions.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(jsonLd ? QuoteJsonLd.from(view, uri.getBaseUri()) : view,
                        jsonLd ? JSON_LD : MediaType.APPLICATION_JSON);
        builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        Responses.describeLanguage(builder, language);
        return builder.build().toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "createQuote", summary = "Add a quote (editors)",
            description = "Creates a quote from its variants' texts, each located in its source; 422 names any reference "
                    + "to nothing and any text not found. The change is recorded in the quote's public revisions.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new quote and `ETag` its version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    public RestResponse<QuoteView> create(@Valid @NotNull QuoteInput input, UriInfo uri) {
        String id = editor.create(input, editorName()).id;
        return written(id, RestResponse.ResponseBuilder.created(uri.getBaseUriBuilder().path("api/v1/quotes/{id}").build(id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "replaceQuote", summary = "Correct a quote (editors)",
            description = "Replaces the quote with the one sent. Needs If-Match with the quote's current ETag: 428 without it, "
                    + "412 (with the current ETag) when someone changed it since. Variants keep their ids by position.")
    public RestResponse<QuoteView> replace(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull QuoteInput input) {
        editor.replace(id, input, ifMatch, editorName());
        return written(id, RestResponse.ResponseBuilder.ok());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "patchQuote", summary = "Correct part of a quote (editors)",
            description = "Applies a JSON Merge Patch (RFC 7396) to the quote as PUT takes it (see QuoteInput), e.g. "
                    + "`{\"topics\": [\"trade\"], \"reason\": \"…\"}`; arrays are replaced whole. Needs If-Match, like PUT.")
    public RestResponse<QuoteView> patch(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(description = "A JSON Merge Patch of QuoteInput.",
                    content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = QuoteInput.class)))
            @NotNull JsonNode patch) {
        editor.patch(id, patch, ifMatch, editorName());
        return written(id, RestResponse.ResponseBuilder.ok());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retractQuote", summary = "Retract a quote (admins)",
            description = "A retraction, not an erasure: the quote leaves lists and search, GET answers 410 with the reason, "
                    + "and its revisions stay public. Needs If-Match, like PUT.")
    @APIResponse(responseCode = "204", description = "Retracted.")
    public RestResponse<Void> retract(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @Parameter(description = "Why the quote is retracted; shown to readers.", required = true,
                    example = "Misattributed: the words are the reporter's.") @RestQuery @Size(max = 2000) @PlainText String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidParameterException("reason", "a retraction needs a reason of 1 to 2000 characters");
        }
        editor.delete(id, ifMatch, reason, editorName());
        return RestResponse.noContent();
    }

    @GET
    @Path("{id}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listQuoteRevisions", summary = "A quote's corrections history",
            description = "Every change to the quote, oldest first, with who made it, when, why, and the quote before and "
                    + "after; public, also for retracted quotes. Always a single page.")
    public Page<RevisionView> revisions(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id) {
        dependencies.add(QuoteDependencies.quote(id));
        return revisions.history(QuoteEditor.ENTITY, id, Quote.findByIdOptional(id).isPresent());
    }

    @GET
    @Path("{id}/variants/{variantId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getQuoteVariant", summary = "Get one variant of a quote",
            description = "One report of the statement, with its span and citation.")
    public QuoteView.VariantView variant(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @Parameter(description = "Variant id.", example = "22") @RestPath long variantId) {
        dependencies.add(QuoteDependencies.quote(id));
        QuoteRecord quote = quotes.find(id).orElseThrow(() -> DomainException.notFound("quote", id));
        if (quote.retracted()) {
            throw new QuoteRetractedException(quote);
        }
        LanguageChoice all = languages.all();
        return QuoteView.from(QuoteMatch.whole(quote), all).variants().stream().filter(variant -> variant.id() == variantId)
                .findFirst().orElseThrow(() -> DomainException.notFound("No variant " + variantId + " in quote '" + id + "'."));
    }

    @POST
    @Path("{id}/variants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "addQuoteVariant", summary = "Add a report of a quote (editors)",
            description = "Adds a variant, its text located in its source. Needs If-Match with the quote's ETag; answers with "
                    + "the whole quote and its new ETag.")
    @APIResponse(responseCode = "201", description = "Added; `Location` names the new variant.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    public RestResponse<QuoteView> addVariant(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @RestHeader("If-Match") String ifMatch,
            @RestQuery @Size(max = 2000) @PlainText String reason,
            @Valid @NotNull QuoteInput.VariantInput input, UriInfo uri) {
        QuoteVariant variant = editor.addVariant(id, input, ifMatch, reason, editorName());
        return written(id, RestResponse.ResponseBuilder.created(uri.getBaseUriBuilder()
                .path("api/v1/quotes/{id}/variants/{variantId}").build(id, variant.id)));
    }

    @PUT
    @Path("{id}/variants/{variantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "replaceQuoteVariant", summary = "Correct a report of a quote (editors)",
            description = "Replaces one variant; its id stays. Needs If-Match with the quote's ETag.")
    public RestResponse<QuoteView> replaceVariant(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @Parameter(description = "Variant id.", example = "22") @RestPath long variantId,
            @RestHeader("If-Match") String ifMatch,
            @RestQuery @Size(max = 2000) @PlainText String reason,
            @Valid @NotNull QuoteInput.VariantInput input) {
        editor.replaceVariant(id, variantId, input, ifMatch, reason, editorName());
        return written(id, RestResponse.ResponseBuilder.ok());
    }

    @PATCH
    @Path("{id}/variants/{variantId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "patchQuoteVariant", summary = "Correct part of a report of a quote (editors)",
            description = "Applies a JSON Merge Patch to one variant as PUT takes it (a `reason` member goes to the revision). "
                    + "Needs If-Match with the quote's ETag.")
    public RestResponse<QuoteView> patchVariant(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @Parameter(description = "Variant id.", example = "22") @RestPath long variantId,
            @RestHeader("If-Match") String ifMatch,
            @RequestBody(description = "A JSON Merge Patch of QuoteVariantInput.",
                    content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = QuoteInput.VariantInput.class)))
            @NotNull JsonNode patch) {
        editor.patchVariant(id, variantId, patch, ifMatch, editorName());
        return written(id, RestResponse.ResponseBuilder.ok());
    }

    @DELETE
    @Path("{id}/variants/{variantId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "removeQuoteVariant", summary = "Remove a report of a quote (editors)",
            description = "Removes one variant (not the last: retract the quote instead). Needs If-Match with the quote's ETag.")
    @APIResponse(responseCode = "200", description = "The quote without the variant, with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    public RestResponse<QuoteView> removeVariant(
            @Parameter(description = "Quote id.", example = "khamenei-north-south-corridor") @RestPath String id,
            @Parameter(description = "Variant id.", example = "22") @RestPath long variantId,
            @RestHeader("If-Match") String ifMatch,
            @RestQuery @Size(max = 2000) @PlainText String reason) {
        editor.removeVariant(id, variantId, ifMatch, reason, editorName());
        return written(id, RestResponse.ResponseBuilder.ok());
    }

    /** The quote as it now stands, read afresh from its entities once the write has committed. */
    private RestResponse<QuoteView> written(String id, RestResponse.ResponseBuilder<QuoteView> builder) {
        QuoteRecord quote = quotes.current(id).orElseThrow();
        LanguageChoice all = languages.all();
        return Responses.written(QuoteView.from(QuoteMatch.whole(quote), all), quote.version(), builder);
    }

    private String editorName() {
        return currentEditor.name();
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
        LanguageChoice language = languages.read(parameters, lang);
        QuoteFilter filter = listing.check(parameters, QuoteFilter.of(speaker, topic, mode), language);
        parameters.throwIfInvalid();
        QuoteMatch match = quotes.random(filter)
                .orElseThrow(() -> DomainException.notFound("No quote matches these filters."));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true); // a different quote each time
        RestResponse.ResponseBuilder<QuoteView> builder = RestResponse.ResponseBuilder.ok(QuoteView.from(match, language))
                .cacheControl(noStore);
        Responses.describeLanguage(builder, language);
        return builder.build();
    }
}
