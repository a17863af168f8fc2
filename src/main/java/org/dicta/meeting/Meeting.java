package org.dicta.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dicta.source.Source;

/** An occasion at which statements were made: talks, an audience, a press conference, a visit. */
@Entity
public class Meeting extends PanacheEntityBase {

    @Id
    public String id;

    /** Null when no source states the date. */
    @Column(name = "held_on")
    public LocalDate date;

    /** Incremented by every change; the ETag. */
    @Version
    @Column(nullable = false)
    public long version;

    @ElementCollection
    @CollectionTable(name = "meeting_label", joinColumns = @JoinColumn(name = "meeting_id"))
    @MapKeyColumn(name = "lang")
    public Map<String, MeetingLabel> labels = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "meeting_participant", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    public List<Participant> participants = new ArrayList<>();

    /** Grows when a quote cites a new source for the meeting: not an edit of the meeting, so not a new version. */
    @OptimisticLock(excluded = true)
    @ManyToMany
    @JoinTable(name = "meeting_source", joinColumns = @JoinColumn(name = "meeting_id"),
            inverseJoinColumns = @JoinColumn(name = "source_id"))
    @OrderBy("id")
    public List<Source> sources = new ArrayList<>();

    public Map<String, String> titles() {
        return labels.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().title));
    }

    public Map<String, String> places() {
        return labels.entrySet().stream()
                .filter(e -> e.getValue().place != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().place));
    }

    /** Up to {@code count} meetings in id order, after the given id (null for the first). */
    public static List<Meeting> listAfter(String afterId, int count) {
        // Every id is non-empty, so the empty string sorts before all of them.
        return find("id > ?1 order by id", afterId == null ? "" : afterId).range(0, count - 1).list();
    }
}
