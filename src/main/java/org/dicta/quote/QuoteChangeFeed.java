package org.dicta.quote;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dicta.web.ResponseCache;
import org.dicta.web.SharedChanges;
import org.jboss.logging.Logger;
import org.dicta.search.SearchConfig;

/**
 * Keeps the read model, and this instance's search index and response cache, in step with changes made through any
 * instance sharing the database.
 *
 * <p>Every change to a quote writes a row to the {@code quote_change} table in the transaction that makes it. Each
 * instance reads the rows it has not applied yet and indexes those quotes anew: after its own commits, before every
 * search, and every {@code dicta.search.poll-interval}. So a search on one instance finds a change committed through
 * another at once, and the database stays the only source of truth.
 *
 * <p>Row numbers are taken when a row is written, but transactions commit in any order: number 11 may be visible while
 * 10 is not yet (or never will be, if its transaction rolls back). A {@link FeedCursor} keeps track of which rows are
 * applied. Indexing a quote twice is harmless.
 */
@ApplicationScoped
public class QuoteChangeFeed implements SharedChanges {

    private static final Logger LOG = Logger.getLogger(QuoteChangeFeed.class);

    private final EntityManager em;
    private final SearchIndexer indexer;
    private final SearchConfig config;

    private final ResponseCache responses;

    /** The rows this instance has applied; null until start-up. */
    private FeedCursor cursor;
    /** When the last reading of the feed began ({@link System#nanoTime()}). */
    private long lastRead;

    private final QuoteReadModel records;

    QuoteChangeFeed(EntityManager em, SearchIndexer indexer, SearchConfig config, ResponseCache responses,
            QuoteReadModel records) {
        this.em = em;
        this.records = records;
        this.indexer = indexer;
        this.config = config;
        this.responses = responses;
    }

    /** Writes the row in the transaction that changes the quote, so that the row exists exactly when the change does. */
    void record(@Observes QuoteChanged event) {
        em.persist(new QuoteChange(event.quoteId(), OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Once a change commits, this instance indexes it before answering its next request. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuoteChanged event) {
        catchUp();
    }

    /**
     * Runs after the index was checked against the database (priority 200). Rows older than the gap timeout were
     * committed before that check and are in the index; newer ones are applied again, which is harmless.
     */
    void onStart(@Observes @Priority(300) StartupEvent event) {
        Instant settled = Instant.now().minus(config.changeGapTimeout());
        long floor = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select coalesce(max(c.seq), 0) from QuoteChange c where c.changedAt < :settled", Long.class)
                .setParameter("settled", settled.atOffset(ZoneOffset.UTC)).getSingleResult());
        synchronized (this) {
            cursor = new FeedCursor(floor, config.changeGapTimeout());
            lastRead = System.nanoTime();
        }
        catchUp();
    }

    @Scheduled(every = "${dicta.search.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (cursor != null) {
            catchUp();
            prune();
        }
    }

    /**
     * Indexes every quote committed through whichever instance before this call, and invalidates the cached responses
     * those changes touch (see {@link QuoteDependencies}). Callers that arrive together share one reading of the feed: a reading that began after a caller
     * arrived has seen everything committed before it.
     */
    @Override
    public void catchUp() {
        long arrived = System.nanoTime();
        synchronized (this) {
            if (cursor == null || lastRead - arrived > 0) {
                return;
            }
            lastRead = System.nanoTime();
            read();
        }
    }

    private void read() {
        Instant readAt = Instant.now();
        List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.seq, c.quoteId from QuoteChange c where c.seq > :floor order by c.seq", Tuple.class)
                .setParameter("floor", cursor.floor()).getResultList());
        Set<String> quotes = new LinkedHashSet<>();
        List<Long> fresh = new ArrayList<>();
        for (Tuple row : rows) {
            long seq = row.get(0, Long.class);
            if (!cursor.isApplied(seq)) {
                fresh.add(seq);
                quotes.add(row.get(1, String.class));
            }
        }
        if (!quotes.isEmpty()) {
            // The read model first: an index or cache entry that shows a change never precedes its record.
            records.refresh(quotes);
            Set<String> touched = new HashSet<>();
            indexer.reindex(quotes, readAt).forEach((id, now) -> touched.addAll(QuoteDependencies.ofChange(id, now)));
            responses.invalidate(touched);
            LOG.debugf("Indexed %d quotes changed since change %d", quotes.size(), cursor.floor());
        }
        cursor.applied(fresh, Instant.now());
    }

    private void prune() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.changeRetention());
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from QuoteChange c where c.changedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }
}
