package org.dicta.speaker;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Another spelling or form of address under which a speaker appears in the sources. */
@Embeddable
public class SpeakerAlias {

    @Column(nullable = false)
    public String lang;

    @Column(nullable = false)
    public String name;

    protected SpeakerAlias() {
    }

    public SpeakerAlias(String lang, String name) {
        this.lang = lang;
        this.name = name;
    }
}
