package org.dicta.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds what every operation shares, once, instead of repeating annotations on each resource method: the problem
 * responses (404 when its path names a resource; 400, 406 and 500 always), the headers of successful responses
 * (Link on lists, Content-Language where {@code lang} applies), who may call it (its {@code security}), and examples
 * of array parameters as arrays.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    private static final String COMPONENTS = "#/components/schemas/";
    private static final String PROBLEM = COMPONENTS + "Problem";
    /** Resources with versions: ETag on GET, 304 for If-None-Match. */
    private static final java.util.Set<String> VERSIONED = java.util.Set.of("/api/v1/quotes/{id}", "/api/v1/sources/{id}",
            "/api/v1/speakers/{id}", "/api/v1/meetings/{id}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        patchSchemas(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            addConventions(path, method, operation);
            addWriteConventions(path, method, operation);
            describeWriteParameters(method, operation);
            declareSecurity(openAPI, operation);
            arrayExamples(operation);
            // RequestLimits refuses such a URL on every path, before any resource runs.
            problem(operation, "400", "The URL holds an encoded control character (%00 to %1F, or %7F).");
            describeProblems(operation);
            declareCallbackSecurity(operation);
        }));
    }

    /**
     * A callback is a request Dicta makes, not one it receives: no token of Dicta's is sent with it ({@code security: []});
     * the receiver authenticates it by other means (a webhook's signature).
     */
    private static void declareCallbackSecurity(Operation operation) {
        if (operation.getCallbacks() == null) {
            return;
        }
        operation.getCallbacks().values().forEach(callback -> callback.getPathItems().values()
                .forEach(item -> item.getOperations().values().forEach(request -> {
                    if (request.getSecurity() == null) {
                        request.setSecurity(new java.util.ArrayList<>());
                    }
                })));
    }

    /**
     * A JSON Merge Patch carries only the members to change, so its body cannot be the input schema, whose members are
     * required: a client generated from it would send them all, as nulls. Each PATCH body gets {@code XPatch}, derived
     * from {@code X} here so that it never drifts: the same members, none required.
     */
    private static void patchSchemas(OpenAPI openAPI) {
        java.util.Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Operation patch = item.getPATCH();
            if (patch == null || patch.getRequestBody() == null || patch.getRequestBody().getContent() == null) {
                return;
            }
            var body = patch.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
            if (body == null || body.getSchema() == null || body.getSchema().getRef() == null) {
                return;
            }
            String input = body.getSchema().getRef().substring(COMPONENTS.length());
            String name = input.replaceAll("Input$", "") + "Patch";
            Schema whole = schemas.get(input);
            if (!schemas.containsKey(name)) {
                Schema derived = OASFactory.createSchema().type(whole.getType())
                        .description("A JSON Merge Patch (RFC 7396) of " + input + ": only the members to change, none "
                                + "required; `null` removes an optional member; arrays and maps are replaced whole.")
                        .properties(whole.getProperties());
                if (whole.getExample() != null) {
                    derived.setExample(whole.getExample());
                }
                openAPI.getComponents().addSchema(name, derived);
            }
            body.setSchema(OASFactory.createSchema().ref(COMPONENTS + name));
        });
    }

    /**
     * Says who may call each operation, so that clients and linters need not guess. Operations that need a token
     * ({@code @RolesAllowed}) already have their requirement, from Quarkus's own filter, which runs before this one.
     * The others are public ({@code security: []}), except the reads whose {@code include_retracted=true} shows editors
     * more: they take the token optionally (anonymous, {@code {}}, or the bearer scheme), so that Swagger UI and
     * generated clients can send it there too.
     */
    private static void declareSecurity(OpenAPI openAPI, Operation operation) {
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            return;
        }
        operation.setSecurity(new java.util.ArrayList<>());
        boolean editorsSeeMore = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getName().equals("include_retracted"));
        var schemes = openAPI.getComponents().getSecuritySchemes();
        if (editorsSeeMore && schemes != null && !schemes.isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
            String scheme = schemes.keySet().iterator().next();
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(scheme));
        }
    }

    /**
     * A multi-valued query parameter ({@code speaker}, {@code topic}) is an array, so its example must be one: an
     * annotation's single value becomes a list of that value (sent as {@code speaker=ali-khamenei}).
     */
    private static void arrayExamples(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Schema schema = parameter.getSchema();
            boolean array = schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY);
            if (array && parameter.getExample() != null && !(parameter.getExample() instanceof java.util.List)) {
                parameter.setExample(java.util.List.of(parameter.getExample()));
            }
        }
    }

    /** What editors' writes can answer besides success. */
    private static void addWriteConventions(String path, PathItem.HttpMethod method, Operation operation) {
        boolean quote = path.startsWith("/api/v1/quotes/{id}");
        if (method == PathItem.HttpMethod.GET) {
            boolean editorsOnlyOption = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> parameter.getName().equals("include_retracted"));
            if (editorsOnlyOption) {
                problem(operation, "401", "include_retracted=true without a valid bearer token.");
                problem(operation, "403", "include_retracted=true with a token that lacks the editor role.");
            }
            boolean cached = path.startsWith("/api/v1/quotes") && !path.equals("/api/v1/quotes/random");
            if (VERSIONED.contains(path) || cached) {
                operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified: If-None-Match named the current ETag."));
                operation.getResponses().getAPIResponse("200").addHeader("ETag", header(VERSIONED.contains(path)
                        ? "The version of the resource, for If-Match and If-None-Match."
                        : "A digest of this response (JSON only), for If-None-Match."));
                boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(parameter -> parameter.getName().equals("If-None-Match"));
                if (!declared) {
                    operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                            .description("An ETag from an earlier GET: 304 when the resource has not changed.")
                            .example("\"3\"").schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
            }
            if (path.equals("/api/v1/quotes")) {
                problem(operation, "503", "Asked for NDJSON or CSV while the most exports the server writes at once are "
                        + "running; retry after `Retry-After` seconds.");
            }
            if (path.equals("/api/v1/quotes/{id}")) {
                problem(operation, "410", "The quote was retracted; the detail gives the reason, `Link` its revisions.");
            }
            return;
        }
        problem(operation, "401", "No bearer token, or one that is malformed, expired, wrongly signed or from another "
                + "issuer; `WWW-Authenticate` says so.");
        problem(operation, "403", "The token lacks the role this operation needs.");
        problem(operation, "503", "The database could not take the locks this write needs in time (others are writing the "
                + "same records); nothing was changed. Retry after `Retry-After` seconds.");
        if (method != PathItem.HttpMethod.DELETE) {
            problem(operation, "400", "The body is not valid JSON or breaks the schema; `violations` name each field.");
            problem(operation, "415", "The body is not in the media type this operation takes.");
            problem(operation, "422", "The body names something that does not exist, or a text not found in its source; "
                    + "`violations` name each field.");
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("application/zip")) {
            problem(operation, "413", "The archive is too large, or unpacks to too much.");
            problem(operation, "410", "The corpus holds a quote that was retracted; an import does not bring it back. "
                    + "`Link` gives its revisions.");
        }
        if (method == PathItem.HttpMethod.DELETE && path.contains("/variants/")) {
            problem(operation, "422", "The variant is the quote's only one; retract the quote instead.");
        }
        boolean conditional = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && parameter.getName().equals("If-Match"));
        if (method == PathItem.HttpMethod.POST && !conditional) {
            problem(operation, "409", "The id is taken.");
        }
        if (conditional) {
            if (quote) {
                problem(operation, "410", "The quote was retracted.");
            } else {
                problem(operation, "409", "Something refers to the resource, so it cannot be deleted; or, for a source, "
                        + "quotes cite it, so its text cannot change.");
            }
            problem(operation, "412", "The If-Match ETag is not the current one; the response's ETag is.");
            problem(operation, "428", "If-Match is missing.");
        }
        APIResponse corrected = operation.getResponses().getAPIResponse("200");
        if ((method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) && corrected != null
                && (corrected.getDescription() == null || corrected.getDescription().equals("OK"))) {
            corrected.setDescription("The corrected " + resourceOf(path) + ", with its new ETag.");
        }
        APIResponse created = operation.getResponses().getAPIResponse("201");
        APIResponse ok = created != null ? created : operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", header("The new version of the resource."));
            if (created != null) {
                created.addHeader("Location", header("The URL of the new resource."));
            }
        }
    }

    /**
     * The parameters every change takes, described once: If-Match with the version it applies to, and the reason
     * recorded in the revisions. A method that gives its own description (a retraction's reason is required) keeps it.
     */
    private static void describeWriteParameters(PathItem.HttpMethod method, Operation operation) {
        if (method == PathItem.HttpMethod.GET || operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getDescription() != null) {
                continue;
            }
            if (parameter.getIn() == Parameter.In.HEADER && parameter.getName().equals("If-Match")) {
                parameter.description("The ETag of the version this change applies to, from a GET or the answer to the "
                        + "last change: 428 without it, 412 when it is no longer the current one.").example("\"3\"");
            } else if (parameter.getIn() == Parameter.In.QUERY && parameter.getName().equals("reason")) {
                parameter.description("Why the change is made; shown in the public revisions.").example("Span corrected.");
            }
        }
    }

    /** "speaker" for /api/v1/speakers/{id} and what lies below it. */
    private static String resourceOf(String path) {
        String collection = path.replaceFirst("^/api/v1/", "").split("/")[0];
        return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    }

    /** Responses added elsewhere (e.g. by the security extension) get the problem body too. */
    private static void describeProblems(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        });
    }

    private static void addConventions(String path, PathItem.HttpMethod method, Operation operation) {
        boolean takesQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY);
        boolean takesLang = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY && parameter.getName().equals("lang"));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null && ok.getContent() != null && path.startsWith("/api/") && method == PathItem.HttpMethod.GET) {
            ok.addHeader("Cache-Control", header("`public, no-cache` (store, revalidate with the ETag) or `public, max-age=…` "
                    + "as configured (`dicta.api.cache-max-age`); `no-store` where each answer differs."));
        }
        if (ok != null && ok.getContent() != null) {
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
        problem(operation, "414", "The URL is longer than this server accepts (8192 characters by default).");
        if (operation.getRequestBody() != null && !operation.getRequestBody().getContent().hasMediaType("application/zip")) {
            problem(operation, "413", "The body is larger than this server accepts (10 MB by default).");
        }
        problem(operation, "429", "This client has used up its budget of requests of this kind (reads, searches and "
                + "exports, or writes; writes are also counted per editor); retry after `Retry-After` seconds.");
        operation.getResponses().getAPIResponse("429").addHeader("Retry-After",
                header("Seconds to wait before the budget allows this request again."));
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
