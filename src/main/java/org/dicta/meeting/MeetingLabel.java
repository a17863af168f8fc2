package org.dicta.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A meeting's title and place in one language. */
@Embeddable
public class MeetingLabel {

    @Column(nullable = false)
    public String title;

    public String place;

    protected MeetingLabel() {
    }

    public MeetingLabel(String title, String place) {
        this.title = title;
        this.place = place;
    }
}
