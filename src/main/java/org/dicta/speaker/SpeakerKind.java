package org.dicta.speaker;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether statements come from a person or from an institution speaking as one (a government, "Washington"). */
public enum SpeakerKind {
    @JsonProperty("person") PERSON,
    @JsonProperty("organization") ORGANIZATION
}
