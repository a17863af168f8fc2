package org.dicta.history;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a change did. */
public enum RevisionAction {
    @JsonProperty("create") CREATE,
    @JsonProperty("update") UPDATE,
    @JsonProperty("retract") RETRACT
}
