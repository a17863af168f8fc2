package org.dicta.source;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as embedded in quotes, meetings and lists: everything but the full text. */
@Schema(name = "SourceSummary", description = "A reporting document without its text; the text is at /api/v1/sources/{id}.")
public record SourceSummary(
        @Schema(required = true, description = "Stable id.", example = "004_dbc71cf8bbbb5a4e") String id,
        @Schema(required = true, description = "BCP 47 tag of the document's language.", example = "ur") String lang,
        @Schema(required = true, description = "Publisher, only when the text itself names it.", nullable = true, example = "www.irna.ir")
        String publisher,
        @Schema(required = true, description = "Headline, when the document has one.", nullable = true,
                example = "دیدار رئیس جمهور بلاروس و هیئت همراه - 22 / اسفند / 1401") String headline,
        @Schema(required = true, description = "The date the document gives (ISO 8601), or null when it gives none.", nullable = true, implementation = String.class, format = "date",
                example = "2023-03-13") LocalDate date,
        @Schema(required = true, description = "Hex SHA-256 of the document's UTF-8 bytes.",
                example = "40a33b064471cdaf54cd6f2638483d87f285040027f815acd04bc8383d8c527f") String sha256) {

    public static SourceSummary from(Source source) {
        return new SourceSummary(source.id, source.lang, source.publisher, source.headline, source.date, source.sha256);
    }
}
