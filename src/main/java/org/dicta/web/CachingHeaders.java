package org.dicta.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control} on successful reads of the public API, so that browsers and a CDN in front of several
 * instances may keep them: with {@code dicta.api.cache-max-age} at 0, {@code public, no-cache} (store, but revalidate
 * with the ETag each time); above 0, {@code public, max-age=…}. Responses that set their own (a random quote is
 * {@code no-store}) keep it; errors and writes get none.
 */
public class CachingHeaders {

    private final String cacheControl;

    CachingHeaders(ApiConfig config) {
        cacheControl = cacheControl(config);
    }

    static String cacheControl(ApiConfig config) {
        long seconds = config.cacheMaxAge().toSeconds();
        return seconds <= 0 ? "public, no-cache" : "public, max-age=" + seconds;
    }

    @ServerResponseFilter
    public void addCacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        int status = response.getStatus();
        if ((method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))
                && (status == 200 || status == 304)
                && request.getUriInfo().getPath().startsWith("/api/")
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
    }
}
