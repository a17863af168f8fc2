package org.dicta.history;

/**
 * Fired inside the transaction that created, changed or retired a resource (before a creation or change is flushed,
 * after a retirement is). Features that show
 * other resources observe it (a quote shows its speaker's names), so that the changed one need not know them.
 *
 * @param kind   the resource kind, as in revisions ("speaker")
 * @param action what the change did to it, as its revision records it
 */
public record ResourceChanged(String kind, String id, RevisionAction action) {
}
