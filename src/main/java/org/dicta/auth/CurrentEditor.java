package org.dicta.auth;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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

    /** For changes only admins may make within an editor's operation (an import that changes speakers). */
    public void requireAdmin() {
        if (!identity.hasRole(Roles.ADMIN)) {
            throw new ForbiddenException();
        }
    }

    /** For reads only editors may make (retracted quotes): 401 without a valid token, 403 without the role. */
    public void require() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.EDITOR) && !identity.hasRole(Roles.ADMIN)) {
            throw new ForbiddenException();
        }
    }
}
