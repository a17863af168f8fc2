package org.dicta.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that reaches the HTTP layer into an RFC 9457 problem response, in one place. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidParameterException e, UriInfo uri) {
        return problem(Response.Status.BAD_REQUEST, "/problems/invalid-parameter", "Invalid request parameter",
                e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(leafName(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
        return problem(Response.Status.BAD_REQUEST, "/problems/invalid-parameter", "Invalid request parameter",
                detail, uri, violations);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(ResourceNotFoundException e, UriInfo uri) {
        return problem(Response.Status.NOT_FOUND, "/problems/not-found", "Resource not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String path = uri.getPath();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "Nothing is served at " + path + ". The API lives under /api/v1 and is described at /q/openapi.";
            case 405 -> "This method is not allowed on " + path + "." + allowed(original);
            case 406 -> "This resource is served as application/json; the request's Accept header ("
                    + String.join(", ", headers.getRequestHeader(HttpHeaders.ACCEPT)) + ") does not accept it.";
            case 415 -> "Send the request body as application/json.";
            default -> status.getReasonPhrase() + ".";
        };
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder
                .create(status, new Problem("about:blank", status.getReasonPhrase(),
                        status.getStatusCode(), detail, path, null))
                .type(Problem.MEDIA_TYPE);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (reference %s)", uri.getPath(), reference);
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "about:blank", "Internal Server Error",
                "Dicta could not answer this request because of an error on its side. It has been logged with reference "
                        + reference + "; please quote it when reporting the problem.", uri, null);
    }

    private static RestResponse<Problem> problem(Response.Status status, String type, String title, String detail,
            UriInfo uri, List<Problem.Violation> violations) {
        return RestResponse.ResponseBuilder
                .create(status, new Problem(type, title, status.getStatusCode(), detail, uri.getPath(), violations))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static String allowed(Response response) {
        String allow = response.getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? "" : " Allowed: " + allow + ".";
    }

    /** "list.arg0.limit" -> "limit": clients know the parameter, not the Java method. */
    private static String leafName(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
