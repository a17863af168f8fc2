package org.dicta.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.dicta.speaker.Speaker;

/** A speaker's presence at a meeting, in a role. */
@Embeddable
public class Participant {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "speaker_id")
    public Speaker speaker;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    protected Participant() {
    }

    public Participant(Speaker speaker, ParticipantRole role) {
        this.speaker = speaker;
        this.role = role;
    }
}
