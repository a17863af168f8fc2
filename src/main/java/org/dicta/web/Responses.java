package org.dicta.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/** Builds successful responses: pages with their next link, and the Content-Language of what was served. */
public final class Responses {

    private Responses() {
    }

    /**
     * A page from a keyset query that fetched {@code limit + 1} rows: the extra row only tells that a next page exists.
     * The next link repeats the request's own parameters with a new cursor, in the body and as {@code Link: rel="next"}.
     */
    public static <E, V> RestResponse<Page<V>> page(List<E> rows, PageRequest request, Function<E, String> keyOf,
            Function<E, V> toView, UriInfo uri, LanguageChoice language) {
        int limit = request.limit();
        List<E> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        List<V> views = items.stream().map(toView).toList();
        String next = null;
        String cursor = null;
        if (rows.size() > limit) {
            cursor = Cursor.encode(request.filterFingerprint(), keyOf.apply(items.get(items.size() - 1)));
            next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
        }
        RestResponse.ResponseBuilder<Page<V>> builder = RestResponse.ResponseBuilder.ok(new Page<>(views, next, cursor));
        if (next != null) {
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        describeLanguage(builder, language);
        return builder.build();
    }

    /** One resource, with the Content-Language of the texts chosen for it. */
    public static <V> RestResponse<V> ok(V view, LanguageChoice language) {
        RestResponse.ResponseBuilder<V> builder = RestResponse.ResponseBuilder.ok(view);
        describeLanguage(builder, language);
        return builder.build();
    }

    /** The answer to a write: the resource as it now stands, in JSON, with its new ETag. */
    public static <V> RestResponse<V> written(V view, long version, RestResponse.ResponseBuilder<V> builder) {
        return builder.entity(view).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, Preconditions.etag(version)).build();
    }

    /** A versioned resource with its ETag; 304 without a body when If-None-Match names it. */
    public static <V> RestResponse<V> versioned(V view, LanguageChoice language, long version, String ifNoneMatch) {
        String etag = Preconditions.etag(version, language);
        RestResponse.ResponseBuilder<V> builder = Preconditions.notModified(ifNoneMatch, etag)
                ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(view);
        builder.header(HttpHeaders.ETAG, etag);
        describeLanguage(builder, language);
        return builder.build();
    }

    /** Content-Language for what was served, and Vary when the Accept-Language header chose it. */
    public static void describeLanguage(RestResponse.ResponseBuilder<?> builder, LanguageChoice language) {
        language.contentLanguage().ifPresent(value -> builder.header(HttpHeaders.CONTENT_LANGUAGE, value));
        if (language.dependsOnAcceptLanguage()) {
            builder.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}
