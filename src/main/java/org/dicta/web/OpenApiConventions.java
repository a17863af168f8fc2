package org.dicta.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds what every operation shares, once, instead of repeating annotations on each resource method: the problem
 * responses (400 when it takes query parameters, 404 when its path names a resource, 406 and 500 always) and the
 * headers of successful responses (Link on lists, Content-Language where {@code lang} applies).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> addConventions(path, operation)));
    }

    private static void addConventions(String path, Operation operation) {
        boolean takesQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY);
        boolean takesLang = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY && parameter.getName().equals("lang"));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            boolean list = ok.getContent().getMediaTypes().values().stream()
                    .anyMatch(media -> media.getSchema() != null && media.getSchema().getRef() != null
                            && media.getSchema().getRef().startsWith("#/components/schemas/Page"));
            if (list && takesQuery) {
                ok.addHeader("Link", header("`<url>; rel=\"next\"` when there is a next page; the same URL as `next`."));
            }
            if (takesLang) {
                ok.addHeader("Content-Language", header("The languages actually served when one was asked for with `lang` "
                        + "or Accept-Language (more than one when some text fell back to another language)."));
                ok.addHeader("Vary", header("`Accept-Language` when the response depends on that header (no `lang`)."));
            }
        }
        if (takesLang) {
            operation.addParameter(OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER)
                    .description("Preferred languages (RFC 9110, with q-values and ranges such as fa-IR); used when `lang` "
                            + "is absent. Fallback: the preferred languages in order, then English, then catalogue order.")
                    .example("fa-IR, fa;q=0.9, en;q=0.5")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (takesQuery) {
            problem(operation, "400", "Invalid parameter: the problem's `violations` name each one.");
        }
        if (path.contains("{")) {
            problem(operation, "404", "No resource has this id.");
        }
        problem(operation, "406", "The Accept header excludes application/json.");
        problem(operation, "500", "An error on Dicta's side; the detail gives a reference to report.");
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }

}
