package org.dicta.quote;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a report renders a statement: the speaker's own words, or reported speech and paraphrase. */
public enum QuoteMode {
    @JsonProperty("direct") DIRECT,
    @JsonProperty("indirect") INDIRECT
}
