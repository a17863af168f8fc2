package org.dicta.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is making the current change: the subject (or upn) of the request's verified token, recorded in revisions. */
@RequestScoped
public class CurrentEditor {

    private final SecurityIdentity identity;

    CurrentEditor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }
}
