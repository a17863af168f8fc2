package org.dicta.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dicta.web.Problem;

/**
 * A subscription is a URL and a filter of at most a few hundred ids: a body declared larger than {@link #MAX_BYTES} is
 * refused (413) before it is read, rather than parsed up to the API's general limit.
 */
@ApplicationScoped
public class SubscriptionBodyLimit {

    /** Largest subscription body accepted. */
    static final int MAX_BYTES = 64 * 1024;

    private final ObjectMapper json;

    SubscriptionBodyLimit(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route("/api/v1/subscriptions*").order(-2_900).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && (length.length() > 9 || length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > MAX_BYTES)) {
                String detail = "A subscription's body is at most " + MAX_BYTES / 1024 + " KiB (this one declares " + length
                        + " bytes): a URL, at most 100 ids per list and a query of 500 characters fit well within it.";
                String body;
                try {
                    body = json.writeValueAsString(new Problem("/problems/body-too-large", "Request body too large", 413,
                            detail, context.request().path(), null));
                } catch (JsonProcessingException e) {
                    body = "";
                }
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
            } else {
                context.next();
            }
        });
    }
}
