package org.dicta.bench.minimal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Note extends PanacheEntityBase {

    @Id
    public String id;

    public String text;
}
