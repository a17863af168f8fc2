package org.dicta.seed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The record that a corpus was imported; its presence makes start-up imports idempotent. */
@Entity
@Table(name = "corpus_import")
public class CorpusImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "annotations_sha256", nullable = false)
    public String annotationsSha256;

    @Column(nullable = false)
    public int quotes;

    @Column(nullable = false)
    public int variants;

    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;
}
