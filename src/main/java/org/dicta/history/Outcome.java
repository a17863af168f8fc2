package org.dicta.history;

/** What applying an input did to a resource. */
public enum Outcome {
    CREATED, UPDATED, UNCHANGED
}
