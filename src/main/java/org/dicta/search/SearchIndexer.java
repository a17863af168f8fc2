package org.dicta.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dicta.quote.QuoteChanged;
import org.dicta.quote.QuoteMode;
import org.jboss.logging.Logger;

/**
 * Keeps the search index in step with the database: at start-up, after the corpus import, it compares the database
 * state the index was built from with the current one, and rebuilds the index when they differ (or it is empty).
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);

    private final SearchIndex index;
    private final EntityManager em;

    SearchIndexer(SearchIndex index, EntityManager em) {
        this.index = index;
        this.em = em;
    }

    /** Runs after {@code CorpusImporter} (priority 100) has loaded the seeds. */
    void onStart(@Observes @Priority(200) StartupEvent event) {
        synchronize();
    }

    /** Rebuilds the index unless it was built from the database as it is now. */
    public void synchronize() {
        QuarkusTransaction.requiringNew().run(() -> {
            String state = databaseState();
            if (index.sourceState().filter(state::equals).isPresent()) {
                LOG.infof("Search index up to date (%d variants)", index.size());
                return;
            }
            rebuild(state);
        });
    }

    /** Once a quote's change is committed, its variants are indexed anew. */
    void onQuoteChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuoteChanged event) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> topics = em.createQuery("select t.id from Quote q join q.topics t where q.id = :id", String.class)
                    .setParameter("id", event.quoteId()).getResultList();
            try (Stream<Tuple> rows = variantRows(" and q.id = :id", event.quoteId())) {
                index.replaceQuote(event.quoteId(), rows.map(row -> indexed(row, Map.of(event.quoteId(), topics))).toList(),
                        databaseState());
            }
        });
    }

    private void rebuild(String state) {
        long started = System.nanoTime();
        Map<String, List<String>> topics = new HashMap<>();
        em.createQuery("select q.id, t.id from Quote q join q.topics t", Tuple.class).getResultStream()
                .forEach(row -> topics.computeIfAbsent(row.get(0, String.class), id -> new ArrayList<>())
                        .add(row.get(1, String.class)));
        try (Stream<Tuple> rows = variantRows("", null)) {
            Iterator<IndexedVariant> variants = rows.map(row -> indexed(row, topics)).iterator();
            index.rebuild(variants, state);
        }
        LOG.infof("Search index rebuilt: %d variants in %d ms", index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The indexed fields of quote variants (those of retracted quotes too, marked so). */
    private Stream<Tuple> variantRows(String condition, String quoteId) {
        var query = em.createQuery("select v.id, q.id, q.speaker.id, q.meeting.id, v.lang, v.mode, q.sortDate, q.updatedAt,"
                + " v.text, q.retractedAt from QuoteVariant v join v.quote q where 1 = 1" + condition, Tuple.class);
        if (quoteId != null) {
            query.setParameter("id", quoteId);
        }
        return query.getResultStream();
    }

    private static IndexedVariant indexed(Tuple row, Map<String, List<String>> topics) {
        return new IndexedVariant(row.get(0, Long.class), row.get(1, String.class), row.get(2, String.class),
                row.get(3, String.class), row.get(4, String.class), row.get(5, QuoteMode.class).name(),
                topics.getOrDefault(row.get(1, String.class), List.of()), row.get(6, LocalDate.class),
                row.get(7, OffsetDateTime.class).toInstant(), row.get(9) != null, row.get(8, String.class));
    }

    /** A summary that changes whenever a quote or variant is added, removed or changed. */
    private String databaseState() {
        Tuple row = em.createQuery("select count(v), max(v.id), max(q.updatedAt) from QuoteVariant v join v.quote q", Tuple.class)
                .getSingleResult();
        return row.get(0) + "/" + row.get(1) + "/" + row.get(2);
    }
}
