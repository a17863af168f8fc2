package org.dicta.quote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of the change feed: this quote changed (was created, edited, retracted or deleted) at this time. */
@Entity
@Table(name = "quote_change")
public class QuoteChange extends PanacheEntityBase {

    /** Taken from the database when the row is written; committed rows may appear out of this order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "quote_id", nullable = false)
    public String quoteId;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    protected QuoteChange() {
    }

    QuoteChange(String quoteId, OffsetDateTime changedAt) {
        this.quoteId = quoteId;
        this.changedAt = changedAt;
    }
}
