package org.dicta.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access (CORS) to the API and its spec. Any web page may read, as configured by
 * {@code dicta.api.cors.read-origins} (default {@code *}); only the origins in {@code dicta.api.cors.write-origins}
 * (default none) may write, and read. A browser asks first with a preflight, answered here; a write that arrives from
 * another origin anyway is refused with a 403 problem before it reaches the API. No credentials are ever allowed:
 * editors authenticate with a bearer token, not a cookie. The operations endpoints under /q (health, metrics) are left
 * out: no web page has reason to read them.
 *
 * <p>Shared caches (a CDN) must not hand one origin's answer to another: with reads open to all, every read says
 * {@code Access-Control-Allow-Origin: *}, with or without an Origin header; with a list, every read varies on Origin.
 * The headers are added just before the response is written, so that hits of {@link CachedReads} and responses of the
 * REST layer carry them, and the response cache never stores them.
 */
@ApplicationScoped
public class CrossOrigin {

    /** Before {@link CachedReads}, so that its hits carry the headers too. */
    private static final int ORDER = -2_000;
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final List<String> READ_HEADERS = List.of("accept", "accept-language", "if-none-match", "if-modified-since");
    private static final List<String> WRITE_HEADERS = List.of("accept", "accept-language", "if-none-match", "if-modified-since",
            "authorization", "content-type", "if-match");
    private static final String EXPOSED = "ETag, Link, Location, Retry-After, WWW-Authenticate";
    private static final String READ_METHODS = "GET, HEAD";
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";

    private final boolean anyReader;
    private final Set<String> readers;
    private final Set<String> writers;
    private final String maxAge;
    private final ObjectMapper json;

    CrossOrigin(ApiConfig config, ObjectMapper json) {
        ApiConfig.Cors cors = config.cors();
        this.readers = normalised(cors.readOrigins());
        this.anyReader = readers.contains("*");
        this.writers = normalised(cors.writeOrigins().orElse(List.of()));
        for (String writer : writers) {
            URI uri = URI.create(writer);
            if (writer.equals("*") || writer.equals("null") || uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
                throw new IllegalArgumentException("dicta.api.cors.write-origins: '" + writer + "' is not an origin such as "
                        + "https://desk.example (scheme, host and port only; no '*', no 'null', no path)");
            }
        }
        this.maxAge = Long.toString(cors.maxAge().toSeconds());
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::handle);
        router.route("/q/openapi*").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            if (READS.contains(request.method())) {
                allow(context, null, anyReader);
            }
            context.next();
            return;
        }
        String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (request.method() == HttpMethod.OPTIONS && method != null) {
            preflight(context, origin, method.trim().toUpperCase(Locale.ROOT));
        } else if (READS.contains(request.method()) || request.method() == HttpMethod.OPTIONS) {
            allow(context, mayRead(origin) || mayWrite(origin) ? origin : null, anyReader && !mayWrite(origin));
            context.next();
        } else if (mayWrite(origin) || sameOrigin(request, origin)) {
            allow(context, origin, false);
            context.next();
        } else {
            refuse(context, origin, false);
        }
    }

    private void preflight(RoutingContext context, String origin, String method) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean allowed = read ? mayRead(origin) || mayWrite(origin) : mayWrite(origin);
        if (!allowed) {
            refuse(context, origin, read);
            return;
        }
        boolean writer = mayWrite(origin);
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, anyReader && !writer ? "*" : origin);
        response.putHeader(HttpHeaders.VARY, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, writer ? ALL_METHODS : READ_METHODS);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", writer ? WRITE_HEADERS : READ_HEADERS));
        response.putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        response.setStatusCode(204).end();
    }

    /**
     * Adds, once the response is about to be written, the headers that let pages read it: {@code *} for all, or the
     * origin itself, or none (a null origin); but for {@code *}, the answer varies on Origin.
     */
    private void allow(RoutingContext context, String origin, boolean any) {
        context.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = context.response();
            if (any || origin != null) {
                response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, any ? "*" : origin);
                response.headers().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
            }
            if (!any) {
                response.headers().add(HttpHeaders.VARY, "Origin");
            }
        });
    }

    private void refuse(RoutingContext context, String origin, boolean read) {
        HttpServerRequest request = context.request();
        String access = read ? "read" : "write";
        String detail = "Pages on " + origin + " may not " + access + " through Dicta. An administrator can allow them with "
                + "dicta.api.cors." + access + "-origins.";
        Problem problem = new Problem("/problems/origin-not-allowed", "Origin not allowed", 403, detail, request.path(), null);
        try {
            context.response().setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.VARY, "Origin")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private boolean mayRead(String origin) {
        return anyReader || readers.contains(normalised(origin));
    }

    private boolean mayWrite(String origin) {
        return writers.contains(normalised(origin));
    }

    /** A browser sends Origin on same-origin writes too; the page is then Dicta's own and may write. */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        try {
            URI uri = URI.create(origin);
            String host = request.authority() == null ? null : request.authority().toString();
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host)
                    && uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(request.scheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> normalised(List<String> origins) {
        return origins.stream().map(CrossOrigin::normalised).filter(origin -> !origin.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String normalised(String origin) {
        String trimmed = origin.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
