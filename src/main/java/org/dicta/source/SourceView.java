package org.dicta.source;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source with its full text, against which every quote variant's span can be checked. */
@Schema(name = "Source", description = "A reporting document with its full text, exactly as received.")
public record SourceView(
        @Schema(required = true, description = "Stable id.", example = "004_dbc71cf8bbbb5a4e") String id,
        @Schema(required = true, description = "BCP 47 tag of the document's language.", example = "ur") String lang,
        @Schema(required = true, description = "Publisher, only when the text itself names it.", nullable = true, example = "www.irna.ir")
        String publisher,
        @Schema(required = true, description = "Headline, when the document has one.", nullable = true,
                example = "دیدار رئیس جمهور بلاروس و هیئت همراه - 22 / اسفند / 1401") String headline,
        @Schema(required = true, description = "The date the document gives (ISO 8601), or null when it gives none.", nullable = true, implementation = String.class, format = "date",
                example = "2023-03-13") LocalDate date,
        @Schema(required = true, description = "Editorial note on the document: what it names, what it lacks.", nullable = true,
                example = "The text names no publisher, headline or date (it says پیر کی شام, Monday evening).") String note,
        @Schema(required = true, description = "Hex SHA-256 of the document's UTF-8 bytes; equal to the SHA-256 of `text` encoded as UTF-8.",
                example = "40a33b064471cdaf54cd6f2638483d87f285040027f815acd04bc8383d8c527f") String sha256,
        @Schema(required = true, description = "Length of `text` in UTF-16 code units, the unit of every span.", example = "3153") int length,
        @Schema(required = true, description = "The full text, never normalised. Spans index into it in UTF-16 code units.",
                example = "رہبر معظم انقلاب اسلامی نے فرمایاکہ اگر امریکی پابندیوں کے شکار ممالک ...") String text) {

    public static SourceView from(Source source) {
        return new SourceView(source.id, source.lang, source.publisher, source.headline, source.date, source.note,
                source.sha256, source.text.length(), source.text);
    }
}
