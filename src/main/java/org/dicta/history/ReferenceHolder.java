package org.dicta.history;

import java.util.Optional;

/**
 * A feature whose resources refer to resources of other kinds (quotes to their speaker, meeting, sources and topics;
 * meetings to their participants). Editors ask every holder before a deletion, without knowing the features above them.
 */
public interface ReferenceHolder {

    /** How this feature refers to the resource, in words for an editor ("3 quotes are attributed to it"); empty if not. */
    Optional<String> referencesTo(String kind, String id);
}
