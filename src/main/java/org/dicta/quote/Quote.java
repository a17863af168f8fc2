package org.dicta.quote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import java.time.LocalDate;
import org.dicta.search.DateKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dicta.meeting.Meeting;
import org.dicta.speaker.Speaker;
import org.dicta.topic.Topic;

/** One statement by one speaker at one meeting, as reported in one or more languages. */
@Entity
public class Quote extends PanacheEntityBase {

    /** Stands for "no date stated" in {@link #sortDate}; sorts last among newest-first. */
    public static final LocalDate UNDATED = DateKey.UNDATED;

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "speaker_id")
    public Speaker speaker;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    public Meeting meeting;

    /** The meeting's date, or {@link #UNDATED} when none is stated: the key of "newest first". Derived: not a change. */
    @OptimisticLock(excluded = true)
    @Column(name = "sort_date", nullable = false)
    public LocalDate sortDate = UNDATED;

    /** When the quote or one of its variants last changed (or what it shows of its speaker and meeting). */
    @OptimisticLock(excluded = true)
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Incremented by every change; the quote's ETag. */
    @Version
    @Column(nullable = false)
    public long version;

    /** When the quote was retracted, or null while it stands. */
    @Column(name = "retracted_at")
    public OffsetDateTime retractedAt;

    @Column(name = "retraction_reason")
    public String retractionReason;

    @ManyToMany
    @JoinTable(name = "quote_topic", joinColumns = @JoinColumn(name = "quote_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    @OrderBy("position")
    public List<Topic> topics = new ArrayList<>();

    @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<QuoteVariant> variants = new ArrayList<>();

    public void addVariant(QuoteVariant variant) {
        variant.quote = this;
        variant.position = variants.size();
        variants.add(variant);
    }
}
