package org.dicta.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.List;

/** One change to an editable resource: who made it, when, why, and its state before and after. Never altered. */
@Entity
public class Revision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RevisionAction action;

    /** The subject of the editor's token. */
    @Column(nullable = false)
    public String editor;

    public String reason;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "before_state")
    public String beforeState;

    @Column(name = "after_state", nullable = false)
    public String afterState;

    /** Every revision of one resource, oldest first. */
    public static List<Revision> of(String entityType, String entityId) {
        return list("entityType = ?1 and entityId = ?2 order by id", entityType, entityId);
    }
}
