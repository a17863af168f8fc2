package org.dicta.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row an instance locks while it fans out the outbox, so that instances take turns. */
@Entity
@Table(name = "webhook_dispatch_lock")
public class DispatchLock {

    static final int ID = 1;

    @Id
    public Integer id;
}
