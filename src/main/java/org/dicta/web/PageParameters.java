package org.dicta.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The paging parameters every list endpoint takes. */
public class PageParameters {

    @RestQuery
    @Parameter(description = "Items per page, 1 to 100 (default 20).", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
            example = "20")
    public String limit;

    @RestQuery
    @Parameter(description = "Opaque cursor from the `next` link of the previous page; only valid with the same filters.",
            example = "djF8ZjBhOWY5YzB8a2hhbWVuZWktc3Bpcml0dWFsaXR5")
    public String cursor;
}
