package org.dicta.source;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.language.LanguageCatalog;
import org.dicta.web.ApiConfig;
import org.dicta.web.Cursor;
import org.dicta.web.LanguageChoice;
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

/** Sources: the reporting documents, with their full texts for verifying every span. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "Reporting documents with their full text and SHA-256, against which every quote can be verified.")
public class SourceResource {

    @Inject
    LanguageCatalog catalog;

    @Inject
    ApiConfig config;

    @GET
    @Operation(operationId = "listSources", summary = "List sources",
            description = "All sources in id order, without their texts, a page at a time.")
    public RestResponse<Page<SourceSummary>> list(
            @Parameter(description = "Only sources written in this language (BCP 47 tag).", example = "ar") @RestQuery String lang,
            @BeanParam PageParameters page, UriInfo uri) {
        Parameters parameters = new Parameters();
        String code = parameters.language(lang, catalog);
        PageRequest request = parameters.page(page, config, Cursor.fingerprint("sources&lang=" + code));
        parameters.throwIfInvalid();
        List<Source> rows = Source.listAfter(request.after(), code, request.rowsToFetch());
        // Sources have no multilingual fields: lang only filters, and Accept-Language plays no part.
        LanguageChoice language = LanguageChoice.all(catalog.names(), config.fallbackLanguage(), false);
        return Responses.page(rows, request, source -> source.id, SourceSummary::from, uri, language);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSource", summary = "Get one source with its full text",
            description = "The document exactly as received: `text` is never normalised, and its UTF-8 bytes hash to `sha256`.")
    public SourceView get(@Parameter(description = "Source id.", example = "004_dbc71cf8bbbb5a4e") @RestPath String id) {
        return Source.<Source>findByIdOptional(id).map(SourceView::from)
                .orElseThrow(() -> new ResourceNotFoundException("source", id));
    }
}
