package org.dicta.abuse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dicta.web.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client token buckets in front of the API: a client that spends its budget gets 429 with {@code Retry-After},
 * and the request does no work. Reads, searches and writes have budgets of their own, so that a flood of one kind
 * does not starve the others.
 * <p>
 * A client is its address as the server sees it: an IPv4 address, or the /64 an IPv6 address belongs to (one
 * subscriber's network, whose addresses it can rotate at will). Behind a proxy, forwarded addresses must come from
 * trusted proxies only (SECURITY.md). Writes are also counted per editor, by the verified token's subject, so that an
 * editor's budget holds whatever address the requests claim to come from.
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
    private final CurrentIdentityAssociation identities;
    /** One entry per client (address or editor), with a bucket per kind, dropped once idle long enough to be full. */
    private final Cache<String, Map<Kind, Bucket>> clients;

    RateLimiter(RateLimitConfig config, ObjectMapper json, CurrentIdentityAssociation identities) {
        this.config = config;
        this.json = json;
        this.identities = identities;
        Duration refill = Duration.ofSeconds(1);
        for (Kind kind : config.enabled() ? Kind.values() : new Kind[0]) {
            RateLimitConfig.Budget budget = budget(kind);
            if (budget.requests() <= 0 || budget.burst() <= 0 || budget.period().isZero() || budget.period().isNegative()) {
                throw new IllegalArgumentException("dicta.rate-limit: the budget for " + kind.label + " needs requests, "
                        + "burst and period above 0; to turn limits off, set dicta.rate-limit.enabled=false");
            }
            Duration full = budget.period().multipliedBy(budget.burst()).dividedBy(budget.requests());
            refill = full.compareTo(refill) > 0 ? full : refill;
        }
        // A client idle for as long as its emptiest bucket takes to refill would get full buckets anew: forgetting it
        // then changes nothing, and keeps the cache to the clients of the last minutes.
        this.clients = Caffeine.newBuilder().maximumSize(config.maxClients()).expireAfterAccess(refill).build();
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
        ConsumptionProbe probe = consume("address " + clientKey(request.remoteAddress()), kind);
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long seconds = retryAfter(probe);
        try {
            context.response().setStatusCode(429)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(json.writeValueAsString(tooMany(kind, "This client", seconds, request.path())));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /**
     * Writes by an authenticated editor, counted against the editor's own budget for writes as well as the address's.
     * Anonymous writes are counted by address only; they are refused with 401 anyway.
     */
    @ServerRequestFilter
    public Uni<Response> limitEditor(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!config.enabled() || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || readsReports(request.getUriInfo().getPath())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                return null;
            }
            String editor = identity.getPrincipal().getName();
            ConsumptionProbe probe = consume("editor " + editor, Kind.WRITE);
            if (probe.isConsumed()) {
                return null;
            }
            long seconds = retryAfter(probe);
            return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER.toString(), seconds)
                    .header(HttpHeaders.CACHE_CONTROL.toString(), "no-store")
                    .entity(tooMany(Kind.WRITE, "The editor '" + editor + "'", seconds,
                            request.getUriInfo().getRequestUri().getRawPath()))
                    .build();
        });
    }

    /**
     * The key a client address is counted under: an IPv4 address as it is, an IPv6 address by its /64 (IPv4-mapped
     * IPv6 addresses count as the IPv4 address).
     */
    static String clientKey(SocketAddress address) {
        String host = address == null ? null : address.hostAddress();
        if (host == null || host.isEmpty()) {
            return "unknown";
        }
        try {
            // A literal address (Vert.x gives no names here): parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** The statement finder reads whole reports, as a search does: its POST writes nothing. */
    private static boolean readsReports(String path) {
        return path.endsWith("/candidates");
    }

    static Kind kindOf(HttpServerRequest request) {
        if (readsReports(request.path())) {
            return Kind.SEARCH;
        }
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return Kind.WRITE;
        }
        // Any Accept header that could choose NDJSON or CSV counts as an export, however it is spelt.
        String accept = String.join(",", request.headers().getAll(HttpHeaders.ACCEPT)).toLowerCase(Locale.ROOT);
        boolean export = accept.contains("ndjson") || accept.contains("text/csv") || accept.contains("text/*");
        String q = request.getParam("q");
        return export || (q != null && !q.isBlank()) ? Kind.SEARCH : Kind.READ;
    }

    private ConsumptionProbe consume(String client, Kind kind) {
        return clients.get(client, key -> new ConcurrentHashMap<>(4)).computeIfAbsent(kind, this::newBucket)
                .tryConsumeAndReturnRemaining(1);
    }

    private static long retryAfter(ConsumptionProbe probe) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    private Problem tooMany(Kind kind, String who, long seconds, String path) {
        RateLimitConfig.Budget budget = budget(kind);
        return new Problem("/problems/too-many-requests", "Too many requests", 429, who + " has used up the budget for "
                + kind.label + " (" + budget.requests() + " per " + budget.period().toSeconds() + " s, " + budget.burst()
                + " at once); retry after " + seconds + " s.", path, null);
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
