package org.dicta.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Picks the representation of a resource offered in several media types, by the request's Accept header only. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /**
     * The first of the offered types that the client accepts, in the client's order of preference (the JAX-RS runtime
     * sorts acceptable types by q-value and specificity); the first offered type when the client accepts anything.
     */
    public static MediaType negotiate(HttpHeaders headers, List<MediaType> offered) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            for (MediaType type : offered) {
                if (acceptable.isCompatible(type)) {
                    return type;
                }
            }
        }
        return offered.get(0);
    }
}
