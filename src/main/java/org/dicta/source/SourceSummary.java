package org.dicta.source;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as embedded in quotes, meetings and lists: everything but the full text. */
@Schema(name = "SourceSummary", description = "A reporting document without its text; the text is at /api/v1/sources/{id}.")
public record SourceSummary(
        @Schema(required = true, description = "Stable id.", example = "002_fcbcff514eaca929") String id,
        @Schema(required = true, description = "BCP 47 tag of the document's language.", example = "en") String lang,
        @Schema(required = true, description = "Publisher, only when the text itself names it.", nullable = true, example = "www.irna.ir")
        String publisher,
        @Schema(required = true, description = "Headline, when the document has one.", nullable = true,
                example = "The Leader holds talks with the Belarusian President to Enhance Bilateral Relations - 13 /Mar/ 2023") String headline,
        @Schema(required = true, description = "The date the document gives (ISO 8601), or null when it gives none.", nullable = true, implementation = String.class, format = "date",
                example = "2023-03-13") LocalDate date,
        @Schema(required = true, description = "Hex SHA-256 of the document's UTF-8 bytes.",
                example = "a1e5d4dc5dcc7554829592f916b11b0cfdae384972e3d6ef14a32bcf63e7c1ca") String sha256) {

    public static SourceSummary from(Source source) {
        return new SourceSummary(source.id, source.lang, source.publisher, source.headline, source.date, source.sha256);
    }
}
