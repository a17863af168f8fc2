package org.dicta.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subject quotes are tagged with (sanctions, trade, ...), labelled in each language. */
@Entity
public class Topic extends PanacheEntityBase {

    @Id
    public String id;

    /** Order of the taxonomy as the annotation file gives it. */
    @Column(nullable = false)
    public int position;

    @ElementCollection
    @CollectionTable(name = "topic_label", joinColumns = @JoinColumn(name = "topic_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "label", nullable = false)
    public Map<String, String> labels = new LinkedHashMap<>();

    public static List<Topic> listInOrder() {
        return listAll(Sort.by("position"));
    }
}
