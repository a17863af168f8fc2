package org.dicta.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.dicta.history.ReferenceHolder;
import org.dicta.speaker.SpeakerEditor;

/** Meetings refer to the speakers who took part in them: a participant cannot be deleted. */
@ApplicationScoped
public class MeetingReferences implements ReferenceHolder {

    private final EntityManager em;

    MeetingReferences(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> referencesTo(String kind, String id) {
        if (!kind.equals(SpeakerEditor.KIND)) {
            return Optional.empty();
        }
        long meetings = em.createQuery("select count(m) from Meeting m join m.participants p where p.speaker.id = :id",
                Long.class).setParameter("id", id).getSingleResult();
        return meetings == 0 ? Optional.empty() : Optional.of(meetings + (meetings == 1
                ? " meeting lists them as a participant." : " meetings list them as a participant."));
    }
}
