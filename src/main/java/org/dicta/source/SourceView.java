package org.dicta.source;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source with its full text, against which every quote variant's span can be checked. */
@Schema(name = "Source", description = "A reporting document with its full text, exactly as received.")
public record SourceView(
        @Schema(required = true, description = "Stable id.", example = "002_fcbcff514eaca929") String id,
        @Schema(required = true, description = "BCP 47 tag of the document's language.", example = "en") String lang,
        @Schema(required = true, description = "Publisher, only when the text itself names it.", nullable = true, example = "www.irna.ir")
        String publisher,
        @Schema(required = true, description = "Headline, when the document has one.", nullable = true,
                example = "The Leader holds talks with the Belarusian President to Enhance Bilateral Relations - 13 /Mar/ 2023") String headline,
        @Schema(required = true, description = "The date the document gives (ISO 8601), or null when it gives none.", nullable = true, implementation = String.class, format = "date",
                example = "2023-03-13") LocalDate date,
        @Schema(required = true, description = "Editorial note on the document: what it names, what it lacks.", nullable = true,
                example = "The masthead names www.irna.ir and, in Persian, دفتر مقام معظم رهبری (the Office of the Supreme Leader).") String note,
        @Schema(required = true, description = "Hex SHA-256 of the document's UTF-8 bytes; equal to the SHA-256 of `text` encoded as UTF-8.",
                example = "a1e5d4dc5dcc7554829592f916b11b0cfdae384972e3d6ef14a32bcf63e7c1ca") String sha256,
        @Schema(required = true, description = "Length of `text` in UTF-16 code units, the unit of every span.", example = "3281") int length,
        @Schema(required = true, description = "The full text, never normalised. Spans index into it in UTF-16 code units.",
                example = "دفتر مقام معظم رهبری\nwww.irna.ir\n\n---\n\n## The Leader holds talks with the Belarusian President to Enhance Bilateral Relations - 13 /Mar/ 2023\n\n---\n\nThis afternoon (Monday), the Leader of the Islamic Revolution met Alexander Lukashenko, the Belarusian President, and the accompanying delegation. ...") String text) {

    public static SourceView from(Source source) {
        return new SourceView(source.id, source.lang, source.publisher, source.headline, source.date, source.note,
                source.sha256, source.text.length(), source.text);
    }
}
