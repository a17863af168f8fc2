package org.dicta.meeting;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part a speaker played in a meeting. */
public enum ParticipantRole {
    @JsonProperty("host") HOST,
    @JsonProperty("guest") GUEST,
    @JsonProperty("attendee") ATTENDEE
}
