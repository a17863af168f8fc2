package org.dicta.quote;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The order of a quote list. */
public enum QuoteSort {
    /** Newest meeting first; quotes of undated meetings last; ties by quote id. */
    @JsonProperty("date") DATE,
    /** Best full-text match first (only with {@code q}); ties by quote id. */
    @JsonProperty("relevance") RELEVANCE
}
