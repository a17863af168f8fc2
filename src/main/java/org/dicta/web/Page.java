package org.dicta.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the link to the next page (and its cursor, for generated clients) when there is one. */
public record Page<T>(
        @Schema(required = true, description = "The items of this page, in the list's stable order.") List<T> items,
        @Schema(required = true, description = "Absolute URL of the next page, or null on the last page.", nullable = true,
                example = "http://localhost:8080/api/v1/quotes?limit=20&cursor=djF8ZjBhOWY5YzB8a2hhbWVuZWktc3Bpcml0dWFsaXR5")
        String next,
        @Schema(required = true, description = "The `cursor` parameter of `next`, for clients that build the request "
                + "themselves (a generated client: pass it as `cursor` with the same filters); null on the last page.",
                nullable = true, example = "djF8ZjBhOWY5YzB8a2hhbWVuZWktc3Bpcml0dWFsaXR5")
        String nextCursor) {

    /** A list that always fits in one page. */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, null, null);
    }
}
