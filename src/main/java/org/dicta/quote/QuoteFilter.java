package org.dicta.quote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.dicta.search.SearchFilter;
import org.dicta.search.SearchQuery;
import org.dicta.web.Cursor;

/**
 * The criteria of a quote list, all of which must hold (AND). Quote-level: speakers (any of), meeting, topics (any of),
 * meeting date range, change time. Variant-level: language, mode and full-text query, which must hold for one and the
 * same variant; the list then shows those variants.
 */
public record QuoteFilter(List<String> speakers, String meeting, List<String> topics, String lang, QuoteMode mode,
        LocalDate from, LocalDate to, Instant updatedSince, SearchQuery query, QuoteSort sort, boolean includeRetracted) {

    public static QuoteFilter none() {
        return new QuoteFilter(List.of(), null, List.of(), null, null, null, null, null, null, QuoteSort.DATE, false);
    }

    /** Identifies the filter set and order, so that a cursor issued for one list is refused by another. */
    public String fingerprint() {
        return Cursor.fingerprint(String.join("\n",
                "speaker=" + String.join(",", speakers.stream().sorted().toList()),
                "meeting=" + Objects.toString(meeting, ""),
                "topic=" + String.join(",", topics.stream().sorted().toList()),
                "lang=" + Objects.toString(lang, ""),
                "mode=" + Objects.toString(mode, ""),
                "from=" + Objects.toString(from, ""),
                "to=" + Objects.toString(to, ""),
                "updated_since=" + Objects.toString(updatedSince, ""),
                "q=" + (query == null ? "" : query.text()),
                "sort=" + sort,
                "include_retracted=" + includeRetracted));
    }

    /** Whether a variant meets the variant-level criteria other than the full-text query. */
    public boolean admits(QuoteVariant variant) {
        return (lang == null || lang.equals(variant.lang)) && (mode == null || mode == variant.mode);
    }

    SearchFilter toSearchFilter() {
        return new SearchFilter(speakers, meeting, topics, lang, mode == null ? null : mode.name(), from, to, updatedSince,
                includeRetracted);
    }
}
