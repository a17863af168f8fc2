package org.dicta.speaker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicta.search.Tokens;

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

    /** Incremented by every change; the ETag. */
    @Version
    @Column(nullable = false)
    public long version;

    @ElementCollection
    @CollectionTable(name = "speaker_label", joinColumns = @JoinColumn(name = "speaker_id"))
    @MapKeyColumn(name = "lang")
    public Map<String, SpeakerLabel> labels = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "speaker_alias", joinColumns = @JoinColumn(name = "speaker_id"))
    public List<SpeakerAlias> aliases = new ArrayList<>();

    /** The folded words of every name and alias, for finding the speaker by name in any script (see SearchAnalyzer). */
    @ElementCollection
    @CollectionTable(name = "speaker_name_token", joinColumns = @JoinColumn(name = "speaker_id"))
    @Column(name = "token", nullable = false)
    public Set<String> nameTokens = new LinkedHashSet<>();

    /** Recomputes {@link #nameTokens} from the names and aliases. */
    public void indexNames() {
        nameTokens.clear();
        labels.values().forEach(label -> nameTokens.addAll(Tokens.terms(label.name)));
        aliases.forEach(alias -> nameTokens.addAll(Tokens.terms(alias.name)));
    }

    public Map<String, String> names() {
        return labels.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name));
    }

    public Map<String, String> titles() {
        return labels.entrySet().stream()
                .filter(e -> e.getValue().title != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().title));
    }

    /**
     * Up to {@code count} speakers in id order, after the given id (null for the first), optionally only those whose
     * names or aliases contain every one of the given folded words (the last one may be the start of a word).
     */
    public static List<Speaker> listAfter(String afterId, List<String> nameWords, int count) {
        // Ids are non-empty, so "" sorts before all of them.
        StringBuilder query = new StringBuilder("from Speaker s where s.id > :after");
        Parameters parameters = Parameters.with("after", afterId == null ? "" : afterId);
        for (int i = 0; i < nameWords.size(); i++) {
            boolean last = i == nameWords.size() - 1;
            query.append(" and exists (select 1 from Speaker n join n.nameTokens t where n = s and t ")
                    .append(last ? "like :w" + i + " escape '!'" : "= :w" + i).append(')');
            parameters.and("w" + i, last ? escapeLike(nameWords.get(i)) + "%" : nameWords.get(i));
        }
        return find(query + " order by s.id", parameters).range(0, count - 1).list();
    }

    private static String escapeLike(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
