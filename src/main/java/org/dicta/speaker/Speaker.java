package org.dicta.speaker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A person or organization to whom statements are attributed. */
@Entity
public class Speaker extends PanacheEntityBase {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SpeakerKind kind;

    /** ISO 3166-1 alpha-2. */
    public String country;

    @ElementCollection
    @CollectionTable(name = "speaker_label", joinColumns = @JoinColumn(name = "speaker_id"))
    @MapKeyColumn(name = "lang")
    public Map<String, SpeakerLabel> labels = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "speaker_alias", joinColumns = @JoinColumn(name = "speaker_id"))
    public List<SpeakerAlias> aliases = new ArrayList<>();

    public Map<String, String> names() {
        return labels.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name));
    }

    public Map<String, String> titles() {
        return labels.entrySet().stream()
                .filter(e -> e.getValue().title != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().title));
    }

    /** Up to {@code count} speakers in id order, after the given id (null for the first). */
    public static List<Speaker> listAfter(String afterId, int count) {
        // Every id is non-empty, so the empty string sorts before all of them.
        return find("id > ?1 order by id", afterId == null ? "" : afterId).range(0, count - 1).list();
    }
}
