package org.dicta.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.dicta.quote.QuoteFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which quotes a subscription follows: the quote list's query parameters, with the same meaning, ids as arrays. All
 * that are given must hold; none given follows every quote.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SubscriptionFilter", description = "Which quotes to be told about: the parameters of GET /api/v1/quotes, "
        + "with the same meaning (ids as arrays). Speakers any of, topics any of; `lang`, `mode` and `q` must hold for one "
        + "and the same variant, and the webhook shows the variants that meet them, as the list does; `from`/`to` on the "
        + "meeting's date. Omit a field for no restriction.")
public record SubscriptionFilter(
        @Schema(description = "Speaker ids (any of), from /api/v1/speakers.", example = "[\"alexander-lukashenko\"]")
        @Size(max = SubscriptionFilter.MAX_IDS, message = "has more than {max} ids") List<String> speaker,
        @Schema(description = "A meeting id, from /api/v1/meetings.", example = "2023-03-13-leader-receives-lukashenko")
        @Size(max = 100, message = "is longer than {max} characters") String meeting,
        @Schema(description = "Topic ids (any of), from /api/v1/topics.", example = "[\"sanctions\"]")
        @Size(max = SubscriptionFilter.MAX_IDS, message = "has more than {max} ids") List<String> topic,
        @Schema(description = "A language (BCP 47 tag, from /api/v1/languages): quotes with a variant in it, showing those "
                + "variants, and names in it.", example = "fa") @Size(max = 35, message = "is longer than {max} characters")
        String lang,
        @Schema(description = "`direct` or `indirect`.", enumeration = {"direct", "indirect"}, example = "direct")
        @Size(max = 20, message = "is longer than {max} characters") String mode,
        @Schema(description = "Meetings on or after this date (ISO 8601).", type = SchemaType.STRING, format = "date",
                example = "2023-01-01") @Size(max = 10, message = "is not a date (YYYY-MM-DD)") String from,
        @Schema(description = "Meetings on or before this date (ISO 8601).", type = SchemaType.STRING, format = "date",
                example = "2023-12-31") @Size(max = 10, message = "is not a date (YYYY-MM-DD)") String to,
        @Schema(description = "Full-text query, as `q` of the list: all words in one variant, \"phrases\" in quotes. At "
                + "most 500 characters.", maxLength = 500, example = "تحریم")
        @Size(max = 500, message = "is longer than {max} characters") String q) {

    /** Most ids in one list of a filter. */
    static final int MAX_IDS = 100;

    /** No restriction. */
    static SubscriptionFilter none() {
        return new SubscriptionFilter(null, null, null, null, null, null, null, null);
    }

    /** The quote list's filter with the same criteria; {@code language} is {@code lang} resolved to a supported code. */
    QuoteFilter toQuoteFilter(String language) {
        return QuoteFilter.of(speaker, meeting, topic, language, mode, from, to, q);
    }

    /** The same filter with {@code lang} as the supported code it designates. */
    SubscriptionFilter withLang(String language) {
        return new SubscriptionFilter(speaker, meeting, topic, language, mode, from, to, q);
    }
}
