package org.dicta.quote;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filters every quote list takes, besides speaker and meeting (which nested lists take from their path). */
public class QuoteFilterParameters {

    @RestQuery
    @Parameter(description = "Only quotes tagged with one of these topics (ids from /api/v1/topics; repeat the parameter "
            + "or separate with commas).", example = "sanctions")
    public List<String> topic;

    @RestQuery
    @Parameter(description = "Only quotes with a variant in this language (BCP 47 tag from /api/v1/languages), showing only "
            + "those variants; names and titles are served in it too, with fallback. `all` serves every language. Without "
            + "it, `Accept-Language` chooses the language of names and variants (not a filter).", example = "ur")
    public String lang;

    @RestQuery
    @Parameter(description = "Only quotes with a variant in this mode, showing only those variants.",
            schema = @Schema(implementation = QuoteMode.class), example = "direct")
    public String mode;

    @RestQuery
    @Parameter(description = "Only quotes from meetings on or after this date (ISO 8601); excludes undated meetings.",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2023-03-01")
    public String from;

    @RestQuery
    @Parameter(description = "Only quotes from meetings on or before this date (ISO 8601); excludes undated meetings.",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2023-03-31")
    public String to;

    @RestQuery("updated_since")
    @Parameter(name = "updated_since", description = "Only quotes created or changed at or after this instant (RFC 3339), "
            + "for clients that keep a copy in sync.", schema = @Schema(type = SchemaType.STRING, format = "date-time"),
            example = "2023-03-13T00:00:00Z")
    public String updatedSince;

    @RestQuery
    @Parameter(description = "Full-text search in every variant's text, in any script and spelling: words must all occur "
            + "in one variant; \"double quotes\" (or “…”, «…») for a phrase. Results show the matching variants with "
            + "highlights. At most 500 characters.", example = "\"حربه تحریم\"")
    public String q;

    @RestQuery("include_retracted")
    @Parameter(name = "include_retracted", description = "`true` to include retracted quotes, with their retraction (editors "
            + "only: needs a token with role editor).", schema = @Schema(type = SchemaType.BOOLEAN), example = "false")
    public String includeRetracted;

    @RestQuery
    @Parameter(description = "Order: `date` (newest meeting first, the default) or `relevance` (best match first; needs `q`).",
            schema = @Schema(implementation = QuoteSort.class), example = "date")
    public String sort;
}
