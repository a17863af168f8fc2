package org.dicta.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Serves repeated anonymous quote reads from the {@link ResponseCache}, before any resource runs, and stores the bytes
 * of the reads it could not serve. Every stored response carries an ETag (a list's is a digest of its bytes), so
 * clients and CDNs can revalidate with If-None-Match and get a 304.
 *
 * <p>With an embedded database only this process writes, and it invalidates what a change touches before it answers the
 * writer. With a shared database other instances write too: a hit first reads the change feed, as searches do, so that
 * no instance serves a quote older than a write another instance has acknowledged.
 */
public class ResponseCaching {

    static final String PREFIX = "/api/v1/quotes";
    private static final String KEY = "dicta.cache.key";
    private static final String GENERATION = "dicta.cache.generation";
    /** Headers that describe the body and are stored with it; Cache-Control is added to every answer by CachingHeaders. */
    private static final Set<String> STORED = Set.of(HttpHeaders.ETAG, HttpHeaders.VARY, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.LINK);
    private static final Set<String> CACHED_TYPES = Set.of(MediaType.APPLICATION_JSON, "application/ld+json");
    /** Larger bodies (long exports of a page) are rare and would crowd out the rest. */
    private static final int MAX_BODY = 1 << 20;

    private static final Uni<Response> PASS = Uni.createFrom().nullItem();

    private final ResponseCache cache;
    private final ResponseDependencies dependencies;
    private final SharedChanges changes;
    private final ObjectMapper json;
    private final boolean sharedDatabase;

    ResponseCaching(ResponseCache cache, ResponseDependencies dependencies, SharedChanges changes, ObjectMapper json, ApiConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String databaseUrl) {
        this.cache = cache;
        this.dependencies = dependencies;
        this.changes = changes;
        this.json = json;
        this.sharedDatabase = sharedDatabase(config, databaseUrl);
    }

    /** Quote reads, but not random picks: a different quote each time. */
    static boolean cacheable(String path) {
        return path.startsWith(PREFIX) && (path.length() == PREFIX.length() || path.charAt(PREFIX.length()) == '/')
                && !path.equals(PREFIX + "/random");
    }

    /**
     * Whether other processes may write to the database ({@code dicta.api.shared-database}; by default, unless it is
     * an H2 database embedded in this process).
     */
    static boolean sharedDatabase(ApiConfig config, String url) {
        return config.sharedDatabase().orElse(!embedded(url));
    }

    /** An H2 database in this process only: no other process can write to it. */
    static boolean embedded(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        return (upper.startsWith("JDBC:H2:FILE:") || upper.startsWith("JDBC:H2:MEM:")) && !upper.contains("AUTO_SERVER=TRUE");
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> serveFromCache(ContainerRequestContext request) {
        if (!cache.enabled() || !request.getMethod().equals(HttpMethod.GET)
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return PASS;
        }
        URI uri = request.getUriInfo().getRequestUri();
        if (!cacheable(uri.getRawPath())) {
            return PASS;
        }
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        String key = CacheKey.of(target, request::getHeaderString);
        if (!sharedDatabase) {
            return Uni.createFrom().item(lookup(request, key));
        }
        // Reading the feed blocks on the database: not on the event loop.
        return Uni.createFrom().item(() -> {
            changes.catchUp();
            return lookup(request, key);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response lookup(ContainerRequestContext request, String key) {
        ResponseCache.Entry entry = cache.get(key);
        if (entry == null) {
            request.setProperty(KEY, key);
            request.setProperty(GENERATION, cache.generation());
            return null;
        }
        boolean notModified = Preconditions.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), entry.etag());
        Response.ResponseBuilder response = notModified ? Response.notModified() : Response.ok(entry.body(), entry.contentType());
        entry.headers().forEach(header -> response.header(header.getKey(), header.getValue()));
        return response.build();
    }

    @ServerResponseFilter
    public void store(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String key = (String) request.getProperty(KEY);
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (key == null || response.getStatus() != 200 || entity == null || type == null
                || !CACHED_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
            return;
        }
        byte[] body = entity instanceof byte[] bytes ? bytes : json.writeValueAsBytes(entity);
        if (body.length > MAX_BODY) {
            return;
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag == null) {
            etag = digest(body);
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.getHeaders().forEach((name, values) -> {
            if (STORED.stream().anyMatch(name::equalsIgnoreCase)) {
                values.forEach(value -> headers.add(Map.entry(name, String.valueOf(value))));
            }
        });
        String contentType = type.toString();
        cache.put(key, new ResponseCache.Entry((Long) request.getProperty(GENERATION), contentType, List.copyOf(headers), body, etag),
                dependencies.names());
        if (Preconditions.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, type);
        }
    }

    /** A strong ETag for bytes that have no version of their own (a page of a list). */
    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
