package org.dicta.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Restrictions applied with a full-text query, with the same meaning as in SQL listing: the quote's speaker, meeting,
 * topics, meeting date range and change time, and the variant's language and mode. Null or empty means no restriction.
 * Retracted quotes are left out unless asked for. The quote list's filter is one.
 */
public interface SearchFilter {

    List<String> speakers();

    String meeting();

    List<String> topics();

    String lang();

    /** The variant's mode as indexed ({@code DIRECT}), or null. */
    String variantMode();

    LocalDate from();

    LocalDate to();

    Instant updatedSince();

    boolean includeRetracted();
}
