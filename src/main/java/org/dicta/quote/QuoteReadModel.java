package org.dicta.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The read model of quotes: for each quote, the {@link QuoteRecord} reads are made from, stored as JSON in the
 * {@code quote_read} table, so that reading a quote is one lookup by key and reading a page one lookup of its ids,
 * with no object graph to load.
 *
 * <p>The change feed rebuilds the records of the quotes that change, from the committed database, before their writer
 * is answered (see {@link QuoteChangeFeed}); every instance sharing the database reads the same table. At start, the
 * quotes without a record (an import, an older database) get one. A quote whose record is missing is read from its
 * entities instead, so that a read is never wrong, only slower.
 */
@ApplicationScoped
public class QuoteReadModel {

    private static final Logger LOG = Logger.getLogger(QuoteReadModel.class);
    private static final String FETCH_GRAPH = "select distinct q from Quote q join fetch q.speaker join fetch q.meeting"
            + " left join fetch q.variants v left join fetch v.source";
    private static final int CHUNK = 500;

    private final EntityManager em;
    private final DataSource dataSource;
    private final ObjectMapper json;

    QuoteReadModel(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
        // Not the API's mapper: that one refuses, in clients' bodies, texts that stored sources may hold.
        this.json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The quote's record, if it exists. Runs in the caller's transaction. */
    public Optional<QuoteRecord> find(String id) {
        return Optional.ofNullable(load(List.of(id)).get(id));
    }

    /**
     * The quote's record as the quote now stands: the stored one when it is as current as the quote (after a write,
     * the change feed rebuilds it before the writer is answered), else one built from the entities.
     */
    public Optional<QuoteRecord> current(String id) {
        String stamp;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select version, updated_at from quote where id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                stamp = QuoteRecord.stamp(row.getLong(1), row.getObject(2, java.time.OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the version of quote " + id, e);
        }
        QuoteRecord stored = load(List.of(id)).get(id);
        if (stored != null && stored.stamp().equals(stamp)) {
            return Optional.of(stored);
        }
        return Optional.ofNullable(entities(List.of(id)).get(id)).map(QuoteRecord::of);
    }

    /** The records of the quotes with these ids that exist, in the order of the ids. */
    public Map<String, QuoteRecord> load(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, QuoteRecord> byId = new HashMap<>();
        // Plain JDBC: the read path needs none of the session's work (query plans, flushes, entity tracking).
        try (Connection connection = dataSource.getConnection()) {
            for (List<String> chunk : chunks(ids)) {
                String sql = "select quote_id, body from quote_read where quote_id in ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            byId.put(rows.getString(1), parse(rows.getString(2)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the read model", e);
        }
        List<String> missing = ids.stream().filter(id -> !byId.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            // Not built yet (a change not yet read from the feed): from the entities, as the record will be.
            entities(missing).values().forEach(quote -> byId.put(quote.id, QuoteRecord.of(quote)));
        }
        Map<String, QuoteRecord> ordered = new LinkedHashMap<>();
        ids.stream().filter(byId::containsKey).forEach(id -> ordered.put(id, byId.get(id)));
        return ordered;
    }

    /**
     * Builds the records of these quotes anew from the database, in a transaction of its own, and removes those of
     * quotes that are gone. A record already as current as its quote is left alone.
     */
    void refresh(Collection<String> quoteIds) {
        // In id order, so that instances refreshing the same quotes at once take their rows' locks in one order.
        for (List<String> chunk : chunks(quoteIds.stream().sorted().toList())) {
            try {
                refreshChunk(chunk);
            } catch (RuntimeException e) {
                if (!writtenMeanwhile(e)) {
                    throw e;
                }
                // Another instance sharing the database recorded one of these quotes at the same moment: read the
                // stamps again, now that its row is committed, and update.
                LOG.debugf("Read model: records written meanwhile by another instance; refreshing %d again", chunk.size());
                refreshChunk(chunk);
            }
        }
    }

    /** A duplicate key (both inserted a new quote's record) or a deadlock, which the database resolved by refusing ours. */
    private static boolean writtenMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("23505") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    private void refreshChunk(List<String> chunk) {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, String> stamps = stamps(chunk);
            Map<String, QuoteRecord> records = new HashMap<>();
            entities(chunk).forEach((id, quote) -> records.put(id, QuoteRecord.of(quote)));
            // Nothing of the entities is written: let them go, or each statement below would flush them all first.
            em.clear();
            for (String id : chunk) {
                QuoteRecord record = records.get(id);
                if (record == null) {
                    em.createNativeQuery("delete from quote_read where quote_id = :id").setParameter("id", id).executeUpdate();
                } else if (!record.stamp().equals(stamps.get(id))) {
                    write(record, stamps.containsKey(id));
                }
            }
        });
    }

    /** Runs after the corpus import (priority 100) and before the search index is checked (200). */
    void onStart(@Observes @Priority(150) StartupEvent event) {
        long started = System.nanoTime();
        // Two counts (each from the table's row count on H2) settle the usual case, where every quote has its record.
        List<String> missing = QuarkusTransaction.requiringNew().call(() -> count("quote") == count("quote_read")
                ? List.<String>of()
                : em.createNativeQuery("select q.id from quote q where not exists (select 1 from quote_read r"
                        + " where r.quote_id = q.id)", String.class).getResultList().stream().map(String.class::cast).toList());
        if (!missing.isEmpty()) {
            refresh(missing);
            LOG.infof("Read model: %d quotes recorded in %d ms", missing.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    private void write(QuoteRecord record, boolean exists) {
        String body;
        try {
            body = json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the record of quote " + record.id(), e);
        }
        String sql = exists
                ? "update quote_read set stamp = :stamp, body = :body where quote_id = :id"
                : "insert into quote_read (quote_id, stamp, body) values (:id, :stamp, :body)";
        em.createNativeQuery(sql).setParameter("id", record.id()).setParameter("stamp", record.stamp())
                .setParameter("body", body).executeUpdate();
    }

    private Map<String, String> stamps(List<String> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select quote_id, stamp from quote_read where quote_id in (:ids)")
                .setParameter("ids", ids).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    private Map<String, Quote> entities(List<String> ids) {
        Map<String, Quote> quotes = em.createQuery(FETCH_GRAPH + " where q.id in :ids", Quote.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(quote -> quote.id, Function.identity(), (same, again) -> same));
        return quotes;
    }

    private QuoteRecord parse(String body) {
        try {
            return json.readValue(body, QuoteRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable record in the read model", e);
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }
}
