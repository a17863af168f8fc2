package org.dicta.quote;

import java.util.List;
import org.dicta.web.Cursor;

/** The criteria of a quote list; every criterion given must hold (AND). */
public record QuoteFilter(List<String> speakers, String meeting, String lang) {

    /** Identifies the filter set, so that a cursor issued for one list is refused by another. */
    public String fingerprint() {
        return Cursor.fingerprint("speaker=" + String.join(",", speakers.stream().sorted().toList())
                + "&meeting=" + (meeting == null ? "" : meeting)
                + "&lang=" + (lang == null ? "" : lang));
    }
}
