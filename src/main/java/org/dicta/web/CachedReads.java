package org.dicta.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fast path of the response cache: with an embedded database, a repeated anonymous quote read is answered from
 * its stored bytes on the event loop, before the request reaches the REST layer. Everything else (misses, writes,
 * authenticated reads, and every read when other processes share the database) goes on to {@link ResponseCaching}.
 */
@ApplicationScoped
public class CachedReads {

    /** Before the REST layer and the authentication handlers, which anonymous hits do not need. */
    private static final int ORDER = -1_000;

    private final ResponseCache cache;
    private final String cacheControl;
    private final boolean active;

    CachedReads(ResponseCache cache, ApiConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String databaseUrl) {
        this.cache = cache;
        this.cacheControl = CachingHeaders.cacheControl(config);
        this.active = cache.enabled() && !ResponseCaching.sharedDatabase(config, databaseUrl);
    }

    void install(@Observes Router router) {
        if (active) {
            router.route(ResponseCaching.PREFIX + "*").method(HttpMethod.GET).order(ORDER).handler(this::serve);
        }
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || !ResponseCaching.cacheable(request.path())) {
            context.next();
            return;
        }
        ResponseCache.Entry entry = cache.get(CacheKey.of(request.uri(), request::getHeader));
        if (entry == null) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        entry.headers().forEach(header -> response.headers().add(header.getKey(), header.getValue()));
        response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (Preconditions.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), entry.etag())) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType()).end(Buffer.buffer(entry.body()));
        }
    }
}
