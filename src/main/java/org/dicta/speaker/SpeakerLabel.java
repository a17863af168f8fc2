package org.dicta.speaker;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A speaker's name and title in one language. */
@Embeddable
public class SpeakerLabel {

    @Column(nullable = false)
    public String name;

    public String title;

    protected SpeakerLabel() {
    }

    public SpeakerLabel(String name, String title) {
        this.name = name;
        this.title = title;
    }
}
