package org.dicta.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.List;

/** One reporting document, with its full text exactly as received. */
@Entity
public class Source extends PanacheEntityBase {

    @Id
    public String id;

    /** BCP 47 tag of the document's language. */
    @Column(nullable = false)
    public String lang;

    /** Only when the text itself names its publisher. */
    public String publisher;

    public String headline;

    /** The date the document gives, or null when it gives none. */
    @Column(name = "published_on")
    public LocalDate date;

    public String note;

    /** The full text, byte for byte the received document decoded as UTF-8; never normalised. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "body", nullable = false)
    public String text;

    /** Hex SHA-256 of the document's UTF-8 bytes. */
    @Column(nullable = false)
    public String sha256;

    /** Incremented by every change; the source's ETag. */
    @Version
    @Column(nullable = false)
    public long version;

    /** Up to {@code count} sources in id order, after the given id (null for the first), optionally in one language. */
    public static List<Source> listAfter(String afterId, String lang, int count) {
        String after = afterId == null ? "" : afterId; // every id is non-empty, so "" sorts before all of them
        var query = lang == null
                ? find("id > ?1 order by id", after)
                : find("id > ?1 and lang = ?2 order by id", after, lang);
        return query.range(0, count - 1).list();
    }
}
