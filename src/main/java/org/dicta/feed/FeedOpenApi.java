package org.dicta.feed;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The feed's operation in the spec, after the shared conventions: the quote list's filter bean also brings
 * {@code include_retracted} and {@code sort}, which a feed refuses (it shows tombstones to everyone and is in change
 * order), and the conventions give operations with {@code lang} an Accept-Language parameter and Content-Language,
 * which a feed does not use (its URL alone decides). So the feed is public, and says that it varies by Accept only.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = FeedOpenApi.PRIORITY)
public class FeedOpenApi implements OASFilter {

    /** Below the conventions' default (1): runs after them. */
    static final int PRIORITY = 0;

    private static final String PATH = "/api/v1/feeds/quotes";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem item = openAPI.getPaths().getPathItem(PATH);
        if (item == null || item.getGET() == null) {
            return;
        }
        Operation operation = item.getGET();
        operation.setParameters(new ArrayList<>(operation.getParameters().stream()
                .filter(parameter -> !java.util.Set.of("include_retracted", "sort", "Accept-Language").contains(parameter.getName()))
                .toList()));
        operation.getParameters().stream().filter(parameter -> parameter.getName().equals("lang")).forEach(lang -> lang
                .description("Only quotes with a variant in this language (BCP 47 tag from /api/v1/languages), showing only "
                        + "those variants, with names, labels and titles in it too (with fallback), and dates also in the "
                        + "reader's calendar for `fa` (Solar Hijri) and `ar` (Hijri); `all` or none for every language. "
                        + "Accept-Language is not used: a feed's URL alone says what it holds."));
        operation.setSecurity(new ArrayList<>());
        operation.getResponses().removeAPIResponse("401");
        operation.getResponses().removeAPIResponse("403");
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok.getHeaders() != null && ok.getHeaders().containsKey("Content-Language")) {
            ok.removeHeader("Content-Language");
        }
        ok.addHeader("Vary", OASFactory.createHeader().description("`Accept`: Atom and JSON Feed are served at one URL.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        ok.addHeader("Link", OASFactory.createHeader().description("`<url>; rel=\"next\"` when there are older entries; "
                + "the same URL as the feed's `next` link.").schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }
}
