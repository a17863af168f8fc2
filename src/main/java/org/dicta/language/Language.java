package org.dicta.language;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.List;

/** A language the corpus is published in, identified by its BCP 47 tag. */
@Entity
public class Language extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "english_name", nullable = false)
    public String englishName;

    @Column(name = "native_name", nullable = false)
    public String nativeName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TextDirection direction;

    /** Catalogue order: the order of the annotation file, also the last resort of language fallback. */
    @Column(nullable = false)
    public int position;

    public static List<Language> listInOrder() {
        return listAll(Sort.by("position"));
    }
}
