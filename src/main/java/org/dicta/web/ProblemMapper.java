package org.dicta.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.dicta.domain.DomainException;
import org.dicta.domain.Violation;

/** Turns every exception that reaches the HTTP layer into an RFC 9457 problem response, in one place. */
public class ProblemMapper {

    /** Attribute of an authentication failure that came of no token being verifiable now (the key is unreadable). */
    public static final String TOKENS_UNVERIFIABLE = "dicta.verification-unavailable";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidParameterException e, UriInfo uri) {
        return problem(Response.Status.BAD_REQUEST, "/problems/invalid-parameter", "Invalid request parameter",
                e.getMessage(), uri, e.violations());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder
                .<Problem>create(e.status())
                .entity(new Problem(e.type(), e.title(), e.status(), e.getMessage(), uri.getPath(), e.violations()))
                .type(Problem.MEDIA_TYPE);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** Declared for the subtype too, which the JSON extension otherwise answers itself, in plain JSON. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedBody(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        if (e instanceof SafeText.UnsafeTextException) {
            message = e.getOriginalMessage();
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            message = "is not a field of this body (its fields: " + String.join(", ", unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().toList()) + "); check its spelling";
        } else if (e instanceof StreamConstraintsException limit) {
            // Jackson's message names the setting in its own code; the client needs the limit only.
            message = "the body is beyond this server's limits: "
                    + limit.getOriginalMessage().replaceAll(", from `[^`]*`", "");
        } else if (e.getCause() instanceof JsonProcessingException unreadable) {
            message = "is not valid JSON text: " + unreadable.getOriginalMessage(); // e.g. bytes that are not UTF-8
        } else if (e instanceof JsonMappingException && !field.isEmpty()) {
            message = "has the wrong type or value" + (e instanceof InvalidFormatException invalid
                    ? " ('" + invalid.getValue() + "')" : "");
        } else {
            message = "the body is not valid JSON: " + e.getOriginalMessage();
        }
        return problem(Response.Status.BAD_REQUEST, "/problems/invalid-body", "Invalid request body",
                (field.isEmpty() ? "" : field + ": ") + message, uri,
                List.of(new Violation(field.isEmpty() ? "body" : field, message)));
    }

    /** "variants[1].mode" from Jackson's reference path. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
        return problem(Response.Status.BAD_REQUEST, "/problems/invalid-parameter", "Invalid request parameter",
                detail, uri, violations);
    }

    /** Two editors saved the same version at the same moment: the database let one win; this is the other. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public RestResponse<Problem> concurrentChange(Exception e, UriInfo uri) {
        return problem(Response.Status.PRECONDITION_FAILED, "/problems/precondition-failed", "Precondition failed",
                "Someone saved this resource at the same moment; your change was not applied. GET it again, reapply "
                        + "your change, and send it with the new ETag.", uri, null);
    }

    /**
     * The database gave up waiting for a lock (a deadlock or lock timeout between concurrent writers): the transaction
     * was rolled back whole, so the client may simply send the request again.
     */
    private static RestResponse<Problem> busy(Throwable cause, UriInfo uri) {
        LOG.warnf("Write to %s rolled back by the database: %s", uri.getPath(), cause.getMessage());
        return RestResponse.ResponseBuilder
                .create(Response.Status.SERVICE_UNAVAILABLE, new Problem("/problems/busy", "Busy",
                        Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "Other changes to the same records were being "
                                + "written and the database could not wait for them; nothing of yours was changed. Send the "
                                + "request again.", uri.getPath(), null))
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "1")
                .build();
    }

    /** A rule of the domain refused the operation: its kind says the status, its code the problem type. */
    @ServerExceptionMapper
    public RestResponse<Problem> domain(DomainException e, UriInfo uri) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case GONE -> 410;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case MALFORMED -> 400;
            case STALE -> 412;
            case VERSION_REQUIRED -> 428;
        };
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder.<Problem>create(status)
                .entity(new Problem("/problems/" + e.code(), e.title(), status, e.getMessage(), uri.getPath(), e.violations()))
                .type(Problem.MEDIA_TYPE);
        e.currentVersion().ifPresent(version -> builder.header(HttpHeaders.ETAG, Preconditions.etag(version)));
        e.history().ifPresent(history -> builder.header("Link", "<" + history + ">; rel=\"version-history\""));
        return builder.build();
    }

    /**
     * 401, for a request without a token, with a token that is refused, and with a token this server cannot verify at
     * the moment because it cannot read its verification key (the authentication mechanism marks such a failure with {@link #TOKENS_UNVERIFIABLE}): the token is not trusted,
     * nothing is changed, and the reason stays in the server's log.
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public RestResponse<Problem> unauthenticated(Exception e, UriInfo uri, HttpHeaders headers) {
        boolean presented = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        boolean unverifiable = e instanceof AuthenticationFailedException failed
                && Boolean.TRUE.equals(failed.getAttribute(TOKENS_UNVERIFIABLE));
        String detail;
        if (unverifiable) {
            detail = "The bearer token cannot be verified at the moment: this server cannot read the key it verifies tokens "
                    + "with. Nothing was changed; its operators find the reason in its log.";
        } else if (presented) {
            detail = "The bearer token was refused: it is malformed, expired, not signed by a trusted key, or from another issuer.";
        } else {
            detail = "Writing needs a bearer token in the Authorization header (see docs/editors.md, \"Tokens\").";
        }
        return RestResponse.ResponseBuilder
                .create(Response.Status.UNAUTHORIZED, new Problem("/problems/unauthenticated", "Authentication required", 401,
                        detail, uri.getPath(), null))
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, presented && !unverifiable
                        ? "Bearer realm=\"dicta\", error=\"invalid_token\"" : "Bearer realm=\"dicta\"")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return problem(Response.Status.FORBIDDEN, "/problems/forbidden", "Not allowed",
                "Your token does not grant the role this operation needs (editor for writes, admin for retractions, deletions and "
                        + "speakers' identities).", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String path = uri.getPath();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "Nothing is served at " + path + ". The API lives under /api/v1 and is described at /q/openapi.";
            case 405 -> "This method is not allowed on " + path + "." + allowed(original, path);
            case 406 -> "This resource is not served in any media type the request's Accept header ("
                    + String.join(", ", headers.getRequestHeader(HttpHeaders.ACCEPT)) + ") accepts; the spec at "
                    + "/q/openapi lists the types of each operation (most are application/json).";
            case 415 -> "Send the request body as application/json.";
            default -> status.getReasonPhrase() + ".";
        };
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unreadable) {
                return unreadableBody(unreadable, uri); // malformed, truncated, too deep, not UTF-8
            }
        }
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder
                .create(status, new Problem("about:blank", status.getReasonPhrase(),
                        status.getStatusCode(), detail, path, null))
                .type(Problem.MEDIA_TYPE);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status.getStatusCode() == 405) {
            allow = AllowedMethods.of(path); // a 405 must say what is allowed (RFC 9110)
        }
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleObjectStateException) {
                return concurrentChange((Exception) cause, uri); // a conflict found only at commit
            }
            if (cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException
                    || cause instanceof org.hibernate.PessimisticLockException) {
                return busy(cause, uri);
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (reference %s)", uri.getPath(), reference);
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "about:blank", "Internal Server Error",
                "Dicta could not answer this request because of an error on its side. It has been logged with reference "
                        + reference + "; please quote it when reporting the problem.", uri, null);
    }

    private static RestResponse<Problem> problem(Response.Status status, String type, String title, String detail,
            UriInfo uri, List<Violation> violations) {
        return RestResponse.ResponseBuilder
                .create(status, new Problem(type, title, status.getStatusCode(), detail, uri.getPath(), violations))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static String allowed(Response response, String path) {
        String allow = response.getHeaderString(HttpHeaders.ALLOW);
        allow = allow != null ? allow : AllowedMethods.of(path);
        return allow == null ? "" : " Allowed: " + allow + ".";
    }

    /**
     * "create.input.variants[1].text" -> "variants[1].text", "list.limit" -> "limit": clients know the body's fields
     * and the parameters, not the Java method.
     */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    // The index of a list element sits on the node that follows the list's own node.
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        field.append(field.length() == 0 ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return field.length() > 0 ? field.toString() : parameter;
    }
}
