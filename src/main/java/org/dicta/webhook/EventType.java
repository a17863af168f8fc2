package org.dicta.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.dicta.quote.QuoteChanged;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of change a subscription can ask for, as {@code type} names them in a webhook's body. */
@Schema(name = "WebhookEventType", description = "What happened to the quote: created, updated (also when something it "
        + "shows changed, such as its speaker's name or its meeting), or retracted.", example = "quote.updated")
public enum EventType {
    @JsonProperty("quote.created") CREATED("quote.created"),
    @JsonProperty("quote.updated") UPDATED("quote.updated"),
    @JsonProperty("quote.retracted") RETRACTED("quote.retracted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in bodies and in {@code events} ({@code quote.updated}). */
    public String wireName() {
        return wireName;
    }

    static EventType of(QuoteChanged.Kind kind) {
        return switch (kind) {
            case CREATED -> CREATED;
            case UPDATED -> UPDATED;
            case RETRACTED -> RETRACTED;
        };
    }

    static EventType ofWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type " + name);
    }
}
