package org.dicta.abuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dicta.web.Problem;

/**
 * Per-client token buckets in front of the API: a client that spends its budget gets 429 with {@code Retry-After},
 * and the request does no work. A client is its address as the server sees it (behind a proxy, set
 * {@code quarkus.http.proxy.proxy-address-forwarding} so that it is the caller's). Reads, searches and writes have
 * budgets of their own, so that a flood of one kind does not starve the others.
 */
@ApplicationScoped
public class RateLimiter {

    /** After CORS (a refused page still learns why) and before the response cache, whose hits are requests too. */
    private static final int ORDER = -1_500;

    enum Kind {
        READ("reads"), SEARCH("searches and exports"), WRITE("writes");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final RateLimitConfig config;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimitConfig config, ObjectMapper json) {
        for (Kind kind : config.enabled() ? Kind.values() : new Kind[0]) {
            RateLimitConfig.Budget budget = switch (kind) {
                case READ -> config.reads();
                case SEARCH -> config.searches();
                case WRITE -> config.writes();
            };
            if (budget.requests() <= 0 || budget.burst() <= 0 || budget.period().isZero() || budget.period().isNegative()) {
                throw new IllegalArgumentException("dicta.rate-limit: the budget for " + kind.label + " needs requests, "
                        + "burst and period above 0; to turn limits off, set dicta.rate-limit.enabled=false");
            }
        }
        this.config = config;
        this.json = json;
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxClients()).expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    void install(@Observes Router router) {
        if (config.enabled()) {
            router.route("/api/*").order(ORDER).handler(this::limit);
        }
    }

    private void limit(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        Kind kind = kindOf(request);
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Bucket bucket = buckets.get(kind + " " + client, key -> newBucket(kind));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        Problem problem = new Problem("/problems/too-many-requests", "Too many requests", 429,
                "This client has spent its budget for " + kind.label + " (" + budget(kind).requests() + " per "
                        + budget(kind).period().toSeconds() + " s, " + budget(kind).burst() + " at once); retry after "
                        + seconds + " s.", request.path(), null);
        try {
            context.response().setStatusCode(429)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    static Kind kindOf(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return Kind.WRITE;
        }
        // Any Accept header that could choose NDJSON or CSV counts as an export, however it is spelt.
        String accept = String.join(",", request.headers().getAll(HttpHeaders.ACCEPT)).toLowerCase(java.util.Locale.ROOT);
        boolean export = accept.contains("ndjson") || accept.contains("text/csv") || accept.contains("text/*");
        String q = request.getParam("q");
        return export || (q != null && !q.isBlank()) ? Kind.SEARCH : Kind.READ;
    }

    private RateLimitConfig.Budget budget(Kind kind) {
        return switch (kind) {
            case READ -> config.reads();
            case SEARCH -> config.searches();
            case WRITE -> config.writes();
        };
    }

    private Bucket newBucket(Kind kind) {
        RateLimitConfig.Budget budget = budget(kind);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.burst())
                        .refillGreedy(budget.requests(), budget.period()).build())
                .build();
    }
}
