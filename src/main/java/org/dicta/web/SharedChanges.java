package org.dicta.web;

/**
 * The changes other instances sharing the database have committed. The response cache reads them before it serves a
 * copy, so that no reader gets a response older than a write acknowledged before the read began; the feature that
 * records changes provides it.
 */
public interface SharedChanges {

    /** Applies every change committed through any instance before this call (index, cached responses). */
    void catchUp();
}
