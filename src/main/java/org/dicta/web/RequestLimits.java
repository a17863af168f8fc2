package org.dicta.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests over the size limits, refused with a problem before any work: a URL over {@code dicta.api.max-url-length}
 * (414; the HTTP layer's own, larger limit answers without a body) and a declared body over
 * {@code quarkus.http.limits.max-body-size} (413; a chunked body over it is cut off by Quarkus, with an empty 413).
 */
@ApplicationScoped
public class RequestLimits {

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("%(?:[01][0-9a-fA-F]|7[fF])");

    private final ObjectMapper json;
    private final MemorySize maxBody;
    private final int maxUrl;

    RequestLimits(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            ApiConfig config) {
        this.json = json;
        this.maxBody = maxBody;
        this.maxUrl = config.maxUrlLength();
    }

    void install(@Observes Router router) {
        // Quarkus refuses a body over the limit too, but with an empty 413: a declared length is checked here first.
        router.route().order(-3_000).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (CONTROL.matcher(context.request().uri()).find()) {
                // No id, name or search holds one; PostgreSQL would refuse a NUL outright.
                answer(context, 400, "/problems/invalid-url", "Invalid URL", "The URL holds an encoded control character "
                        + "(%00 to %1F, or %7F); no id, name or search term contains one.");
            } else if (context.request().uri().length() > maxUrl) {
                answer(context, 414, "/problems/url-too-long", "URL too long", "The URL is "
                        + context.request().uri().length() + " characters long; this server accepts at most " + maxUrl
                        + ". Shorten the query: a search needs a few words, not a document.");
            } else if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBody.asLongValue()) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(context, 413, "/problems/body-too-large", "Request body too large", "The body is "
                        + Long.parseLong(length) / 1024 + " KiB; this server accepts at most " + maxBody.asLongValue() / 1024
                        + " KiB.");
            } else {
                context.next();
            }
        });
    }

    private void answer(RoutingContext context, int status, String type, String title, String detail) {
        if (context.response().headWritten()) {
            return;
        }
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(new Problem(type, title, status, detail, context.request().path(), null)));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
