package org.dicta.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicta.history.Revision;
import org.dicta.history.RevisionAction;
import org.dicta.quote.QuoteEditor;

/**
 * What a feed shows of quotes' revisions: when each was first recorded, and its latest correction. A quote created
 * through the API was first recorded by its creation's revision; one loaded with the corpus at start-up has no such
 * revision, and was first recorded when the corpus was imported (else, with no record of that either, at its last
 * change).
 */
@ApplicationScoped
class QuoteHistories {

    /** The two facts an entry needs; either may be absent. */
    record History(Instant firstRecorded, Feed.Correction latestCorrection) {
    }

    private final EntityManager em;

    QuoteHistories(EntityManager em) {
        this.em = em;
    }

    Map<String, History> of(List<String> quoteIds) {
        Map<String, History> histories = new HashMap<>();
        if (quoteIds.isEmpty()) {
            return histories;
        }
        Map<String, Instant> first = new HashMap<>();
        em.createQuery("select r from Revision r where r.entityType = :type and r.entityId in :ids and r.id ="
                        + " (select min(f.id) from Revision f where f.entityType = r.entityType and f.entityId = r.entityId)",
                        Revision.class)
                .setParameter("type", QuoteEditor.ENTITY).setParameter("ids", quoteIds)
                .getResultList().stream()
                .filter(revision -> revision.action == RevisionAction.CREATE)
                .forEach(revision -> first.put(revision.entityId, revision.changedAt.toInstant()));
        Instant imported = quoteIds.stream().allMatch(first::containsKey) ? null : corpusImported();
        Map<String, Feed.Correction> corrections = new HashMap<>();
        em.createQuery("select r from Revision r where r.entityType = :type and r.entityId in :ids and r.id ="
                        + " (select max(l.id) from Revision l where l.entityType = r.entityType and l.entityId = r.entityId)",
                        Revision.class)
                .setParameter("type", QuoteEditor.ENTITY).setParameter("ids", quoteIds)
                .getResultList().stream()
                .filter(revision -> revision.action == RevisionAction.UPDATE)
                .forEach(revision -> corrections.put(revision.entityId,
                        new Feed.Correction(revision.changedAt.toInstant(), revision.reason)));
        for (String id : quoteIds) {
            histories.put(id, new History(first.getOrDefault(id, imported), corrections.get(id)));
        }
        return histories;
    }

    /** When the corpus was first imported into this database, if it was. */
    private Instant corpusImported() {
        Object first = em.createNativeQuery("select min(imported_at) from corpus_import").getSingleResult();
        if (first instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        if (first instanceof java.sql.Timestamp at) {
            return at.toInstant();
        }
        return first instanceof Instant at ? at : null;
    }
}
