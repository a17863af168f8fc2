package org.dicta.quote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.dicta.source.Source;

/**
 * A statement as one source reports it in one language. Its span is in UTF-16 code units, the unit of Java's
 * {@code String} and JavaScript's {@code string}, so {@code source.text.substring(spanStart, spanEnd)} equals {@code text}.
 */
@Entity
@Table(name = "quote_variant")
public class QuoteVariant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quote_variant_seq")
    @SequenceGenerator(name = "quote_variant_seq", sequenceName = "quote_variant_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "quote_id")
    public Quote quote;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String lang;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuoteMode mode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @Column(name = "span_start", nullable = false)
    public int spanStart;

    @Column(name = "span_end", nullable = false)
    public int spanEnd;

    @Column(nullable = false)
    public String text;

    public String note;
}
