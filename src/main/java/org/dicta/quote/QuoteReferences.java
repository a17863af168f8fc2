package org.dicta.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.dicta.history.ReferenceHolder;
import org.dicta.history.ResourceChanged;
import org.dicta.meeting.Meeting;
import org.dicta.meeting.MeetingCitations;
import org.dicta.meeting.MeetingEditor;
import org.dicta.source.SourceEditor;
import org.dicta.speaker.SpeakerEditor;

/**
 * What quotes owe the resources they show: they hold up the deletion of their speaker, meeting and sources, keep their
 * meeting listing the sources they cite, and change (for clients that sync, and in the index) when any of these does.
 */
@ApplicationScoped
public class QuoteReferences implements ReferenceHolder, MeetingCitations {

    private final EntityManager em;
    private final Event<QuoteChanged> quoteChanged;

    QuoteReferences(EntityManager em, Event<QuoteChanged> quoteChanged) {
        this.em = em;
        this.quoteChanged = quoteChanged;
    }

    @Override
    public Optional<String> referencesTo(String kind, String id) {
        return switch (kind) {
            case SpeakerEditor.KIND -> counted("select count(q) from Quote q where q.speaker.id = :id", id,
                    " quote is attributed to them.", " quotes are attributed to them.");
            case MeetingEditor.KIND -> counted("select count(q) from Quote q where q.meeting.id = :id", id,
                    " quote was made at it.", " quotes were made at it.");
            case SourceEditor.ENTITY -> counted("select count(v) from QuoteVariant v where v.source.id = :id", id,
                    " quote variant cites it; its span points into it.",
                    " quote variants cite it; the spans of their variants point into it.");
            default -> Optional.empty();
        };
    }

    @Override
    public List<String> sourcesCitedAt(String meetingId) {
        return em.createQuery("select distinct v.source.id from QuoteVariant v where v.quote.meeting.id = :id", String.class)
                .setParameter("id", meetingId).getResultList();
    }

    /** A change of a quote, or of something quotes show (their speaker's names, their meeting, a source they cite). */
    void changed(@Observes ResourceChanged change) {
        switch (change.kind()) {
            case QuoteEditor.ENTITY ->
                    quoteChanged.fire(new QuoteChanged(change.id(), QuoteChanged.Kind.of(change.action())));
            case SpeakerEditor.KIND -> QuoteChanged.touch(em.createQuery("select q from Quote q where q.speaker.id = :id",
                    Quote.class).setParameter("id", change.id()).getResultList(), quoteChanged);
            case MeetingEditor.KIND -> {
                // The meeting's quotes show its date and title, and sort by its date.
                Meeting meeting = em.find(Meeting.class, change.id());
                List<Quote> quotes = em.createQuery("select q from Quote q where q.meeting.id = :id", Quote.class)
                        .setParameter("id", change.id()).getResultList();
                quotes.forEach(quote -> quote.sortDate = meeting != null && meeting.date != null ? meeting.date : Quote.UNDATED);
                QuoteChanged.touch(quotes, quoteChanged);
            }
            case SourceEditor.ENTITY -> QuoteChanged.touch(em.createQuery(
                    "select distinct v.quote from QuoteVariant v where v.source.id = :id", Quote.class)
                    .setParameter("id", change.id()).getResultList(), quoteChanged);
            default -> {
            }
        }
    }

    private Optional<String> counted(String query, String id, String one, String several) {
        long count = em.createQuery(query, Long.class).setParameter("id", id).getSingleResult();
        return count == 0 ? Optional.empty() : Optional.of(count + (count == 1 ? one : several));
    }
}
