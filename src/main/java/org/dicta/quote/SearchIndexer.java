package org.dicta.quote;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.dicta.search.IndexedVariant;
import org.dicta.search.SearchConfig;
import org.dicta.search.SearchIndex;

/**
 * Keeps the search index in step with the database: at start-up, after the corpus import, it catches the index up
 * from the change feed, or rebuilds it when it was built from another database, is empty or does not match;
 * afterwards {@link QuoteChangeFeed} has it index the quotes that change.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    private static final int REINDEX_CHUNK = 500;

    private final SearchIndex index;
    private final EntityManager em;
    private final SearchConfig config;
    private final QuoteReadModel records;

    SearchIndexer(SearchIndex index, EntityManager em, SearchConfig config, QuoteReadModel records) {
        this.index = index;
        this.em = em;
        this.config = config;
        this.records = records;
    }

    /** Runs after {@code CorpusImporter} (priority 100) has loaded the seeds. */
    void onStart(@Observes @Priority(200) StartupEvent event) {
        synchronize();
    }

    /**
     * Brings the index up to date with the database at start: the quotes changed since the last reading the index
     * recorded (after a crash, as of its last commit) are indexed again from the change feed; when there is no such
     * reading, the index was built from another database, the feed no longer reaches back that far, or the index then
     * does not hold as many variants as the database, it is rebuilt.
     */
    public void synchronize() {
        // Reading a million variants takes longer than the default transaction timeout.
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            String database = database();
            Optional<Instant> since = index.readAt().map(readAt -> readAt.minus(config.changeGapTimeout()))
                    .filter(from -> from.isAfter(Instant.now().minus(config.changeRetention())))
                    .filter(from -> index.database().filter(database::equals).isPresent());
            if (since.isPresent() && catchUp(since.get())) {
                return;
            }
            // Records of quotes changed just before a crash may predate their change: those the feed still names.
            records.refresh(em.createQuery("select distinct c.quoteId from QuoteChange c", String.class).getResultList());
            rebuild(database);
        });
    }

    /**
     * Indexes again every quote the change feed names since then (a change committed after the index's last reading
     * was written at most the gap timeout before it), if the index then holds as many variants as the database.
     */
    private boolean catchUp(Instant since) {
        Instant readAt = Instant.now();
        List<String> changed = em.createQuery("select distinct c.quoteId from QuoteChange c where c.changedAt >= :since",
                String.class).setParameter("since", since.atOffset(ZoneOffset.UTC)).getResultList();
        records.refresh(changed);
        replace(changed, readAt);
        long variants = em.createQuery("select count(v) from QuoteVariant v", Long.class).getSingleResult();
        if (index.size() != variants) {
            LOG.warnf("Search index has %d variants after catching up, the database %d: rebuilding", index.size(), variants);
            return false;
        }
        index.commit();
        LOG.infof("Search index caught up from the change feed: %d quotes changed since %s (%d variants)", changed.size(),
                since, variants);
        return true;
    }

    /**
     * Indexes these quotes anew from the database (a quote that is gone leaves the index).
     *
     * @param readAt when the reading of the change feed that named them began
     * @return each quote's variants as now indexed (none for a quote that is gone)
     */
    Map<String, List<IndexedVariant>> reindex(Collection<String> quoteIds, Instant readAt) {
        return QuarkusTransaction.requiringNew().call(() -> replace(quoteIds, readAt));
    }

    private Map<String, List<IndexedVariant>> replace(Collection<String> quoteIds, Instant readAt) {
        Map<String, List<IndexedVariant>> quotes = new LinkedHashMap<>();
        List<String> ids = List.copyOf(quoteIds);
        for (int from = 0; from < ids.size(); from += REINDEX_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + REINDEX_CHUNK));
            chunk.forEach(id -> quotes.put(id, new ArrayList<>()));
            Map<String, List<String>> topics = topics(" where q.id in :ids", chunk);
            try (Stream<Tuple> rows = variantRows(" and q.id in :ids", chunk)) {
                rows.map(row -> indexed(row, topics)).forEach(variant -> quotes.get(variant.quoteId()).add(variant));
            }
        }
        index.replaceQuotes(quotes, readAt);
        return quotes;
    }

    /**
     * Which database this is: when its schema was first created (Flyway's record of the first migration). A database
     * made again, even with the same corpus, is another one.
     */
    private String database() {
        Object created = em.createNativeQuery("select \"installed_on\" from \"flyway_schema_history\" where \"version\" = '1'")
                .getResultStream().findFirst().orElse(null);
        return String.valueOf(created);
    }

    private void rebuild(String database) {
        long started = System.nanoTime();
        Instant readAt = Instant.now();
        try (Stream<Tuple> rows = variantRows(" order by q.id", null)) {
            index.rebuild(withTopics(rows.iterator()), readAt, database);
        }
        LOG.infof("Search index rebuilt: %d variants in %d ms", index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Rows read before their quotes' topics are looked up together. */
    private static final int TOPIC_BATCH = 2000;

    /**
     * The variants of these rows (in the order of their quote ids) with their quotes' topics, looked up for a batch of
     * rows at a time by the range of quote ids it spans: a rebuild holds the topics of a few thousand quotes, not of
     * the whole corpus, and asks for them with one statement of one shape.
     */
    private Iterator<IndexedVariant> withTopics(Iterator<Tuple> rows) {
        return new Iterator<>() {
            private final java.util.ArrayDeque<IndexedVariant> ready = new java.util.ArrayDeque<>();

            @Override
            public boolean hasNext() {
                if (ready.isEmpty()) {
                    List<Tuple> batch = new ArrayList<>(TOPIC_BATCH);
                    while (batch.size() < TOPIC_BATCH && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    if (!batch.isEmpty()) {
                        Map<String, List<String>> topics = topicsBetween(batch.get(0).get(1, String.class),
                                batch.get(batch.size() - 1).get(1, String.class));
                        batch.forEach(row -> ready.add(indexed(row, topics)));
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public IndexedVariant next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** The indexed fields of quote variants (those of retracted quotes too, marked so). */
    private Stream<Tuple> variantRows(String condition, List<String> quoteIds) {
        var query = em.createQuery("select v.id, q.id, q.speaker.id, q.meeting.id, v.lang, v.mode, q.sortDate, q.updatedAt,"
                + " v.text, q.retractedAt from QuoteVariant v join v.quote q where 1 = 1" + condition, Tuple.class);
        if (quoteIds != null) {
            query.setParameter("ids", quoteIds);
        }
        return query.getResultStream();
    }

    /** The topic ids of the quotes whose ids lie in this range, by quote id. */
    private Map<String, List<String>> topicsBetween(String first, String last) {
        Map<String, List<String>> topics = new HashMap<>();
        em.createQuery("select q.id, t.id from Quote q join q.topics t where q.id between :first and :last", Tuple.class)
                .setParameter("first", first).setParameter("last", last).getResultStream()
                .forEach(row -> topics.computeIfAbsent(row.get(0, String.class), id -> new ArrayList<>())
                        .add(row.get(1, String.class)));
        return topics;
    }

    /** The topic ids of the quotes, by quote id: of every quote, or of those given. */
    private Map<String, List<String>> topics(String condition, List<String> quoteIds) {
        var query = em.createQuery("select q.id, t.id from Quote q join q.topics t" + condition, Tuple.class);
        if (quoteIds != null) {
            query.setParameter("ids", quoteIds);
        }
        Map<String, List<String>> topics = new HashMap<>();
        query.getResultStream().forEach(row -> topics.computeIfAbsent(row.get(0, String.class), id -> new ArrayList<>())
                .add(row.get(1, String.class)));
        return topics;
    }

    private static IndexedVariant indexed(Tuple row, Map<String, List<String>> topics) {
        return new IndexedVariant(row.get(0, Long.class), row.get(1, String.class), row.get(2, String.class),
                row.get(3, String.class), row.get(4, String.class), row.get(5, QuoteMode.class).name(),
                topics.getOrDefault(row.get(1, String.class), List.of()), row.get(6, LocalDate.class),
                row.get(7, OffsetDateTime.class).toInstant(), row.get(9) != null, row.get(8, String.class));
    }
}
