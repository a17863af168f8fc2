package org.dicta.auth;

/** The roles a bearer token's {@code groups} claim can grant. Readers need none. */
public final class Roles {

    /** Adds and corrects sources, speakers, meetings and quotes. */
    public static final String EDITOR = "editor";
    /** Also retracts quotes and manages speakers' identities. */
    public static final String ADMIN = "admin";
    /** Subscribes to webhooks and manages its own subscriptions; writes nothing else. */
    public static final String SUBSCRIBER = "subscriber";

    private Roles() {
    }
}
