package org.dicta.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dicta.meeting.Meeting;
import org.dicta.search.DateKey;
import org.dicta.search.RelevanceKey;
import org.dicta.search.SearchFilter;
import org.dicta.search.SearchHit;
import org.dicta.search.SearchIndex;
import org.dicta.search.SearchQuery.Highlight;
import org.dicta.web.DatabaseSharing;
import org.dicta.web.InvalidParameterException;
import org.dicta.domain.Violation;

/**
 * Reads quotes: one by id, a random one, or a page of a filtered list. Lists without a full-text query are answered
 * by the database; with one, by the search index; either way, the quotes themselves come from the read model.
 */
@ApplicationScoped
public class QuoteService {

    private final EntityManager em;
    private final SearchIndex index;
    private final QuoteChangeFeed changes;
    private final QuoteReadModel records;
    private final DatabaseSharing database;

    QuoteService(EntityManager em, SearchIndex index, QuoteChangeFeed changes, QuoteReadModel records,
            DatabaseSharing database) {
        this.em = em;
        this.index = index;
        this.changes = changes;
        this.records = records;
        this.database = database;
    }

    /**
     * Changes committed through other instances are indexed before the index is read: no stale results. With a
     * database no other process writes to, every change was indexed before its writer was answered.
     */
    private void catchUpWithOtherInstances() {
        if (database.shared()) {
            changes.catchUp();
        }
    }

    /** The quote as reads show it, from the read model. */
    public Optional<QuoteRecord> find(String id) {
        return records.find(id);
    }

    /** The quote as its entities hold it now, bypassing the read model: for the answer to a write. */
    public Optional<QuoteRecord> current(String id) {
        return records.current(id);
    }

    /**
     * Up to {@code rows} quotes matching the filter, in its order, after the given key.
     *
     * @throws InvalidParameterException when the filter names a speaker, meeting or topic that does not exist, or the
     *                                   key is not one this list issued
     */
    public List<QuoteMatch> list(QuoteFilter filter, String afterKey, int rows) {
        checkReferences(filter);
        if (afterKey != null) {
            checkKey(afterKey, filter.sort());
        }
        return filter.query() == null ? listFromDatabase(filter, afterKey, rows) : search(filter, afterKey, rows);
    }

    /** A cursor's key is ours when its fingerprint matches; a forged one with a matching fingerprint is still refused. */
    private static void checkKey(String key, QuoteSort sort) {
        try {
            if (sort == QuoteSort.RELEVANCE) {
                RelevanceKey.parse(key);
            } else {
                DateKey.parse(key);
            }
        } catch (IllegalArgumentException malformed) {
            throw foreignCursor();
        }
    }

    private static InvalidParameterException foreignCursor() {
        return new InvalidParameterException("cursor", "is not a cursor this API issued; use the 'next' link of a "
                + "previous page, or omit cursor to start");
    }

    /**
     * A quote picked uniformly at random among those matching the filter (the query and sort are ignored). The search
     * index, which holds every filter field, draws it without scanning the corpus.
     */
    public Optional<QuoteMatch> random(QuoteFilter filter) {
        checkReferences(filter);
        catchUpWithOtherInstances();
        // A quote drawn from the index may have changed in the database since: draw again.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> id = index.randomQuote(filter, ThreadLocalRandom.current());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Optional<QuoteRecord> quote = find(id.get());
            List<QuoteRecord.Variant> variants = quote.map(q -> q.variants().stream().filter(filter::admits).toList())
                    .orElse(List.of());
            if (!variants.isEmpty() && (filter.includeRetracted() || !quote.get().retracted())) {
                return Optional.of(new QuoteMatch(quote.get(), null, variants, Map.of()));
            }
        }
        return Optional.empty();
    }

    private List<QuoteMatch> listFromDatabase(QuoteFilter filter, String afterKey, int rows) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select q.id, q.sortDate from Quote q where 1 = 1");
        appendConditions(filter, filter.includeRetracted(), jpql, parameters);
        if (afterKey != null) {
            DateKey after = DateKey.parse(afterKey);
            jpql.append(" and (q.sortDate < :afterDate or (q.sortDate = :afterDate and q.id > :afterId))");
            parameters.put("afterDate", after.date());
            parameters.put("afterId", after.quoteId());
        }
        jpql.append(" order by q.sortDate desc, q.id");
        TypedQuery<Object[]> idQuery = em.createQuery(jpql.toString(), Object[].class).setMaxResults(rows);
        parameters.forEach(idQuery::setParameter);
        List<Object[]> found = idQuery.getResultList();
        Map<String, QuoteRecord> quotes = records.load(found.stream().map(row -> (String) row[0]).toList());
        List<QuoteMatch> matches = new ArrayList<>();
        for (Object[] row : found) {
            QuoteRecord quote = quotes.get((String) row[0]);
            if (quote != null) {
                matches.add(new QuoteMatch(quote, DateKey.format((LocalDate) row[1], quote.id()),
                        quote.variants().stream().filter(filter::admits).toList(), Map.of()));
            }
        }
        return matches;
    }

    private List<QuoteMatch> search(QuoteFilter filter, String afterKey, int rows) {
        catchUpWithOtherInstances();
        List<SearchHit> hits = filter.sort() == QuoteSort.RELEVANCE
                ? index.searchByRelevance(filter.query(), filter, afterKey, rows)
                : index.searchByDate(filter.query(), filter, afterKey, rows);
        Map<String, QuoteRecord> quotes = records.load(hits.stream().map(SearchHit::quoteId).toList());
        List<QuoteMatch> matches = new ArrayList<>();
        for (SearchHit hit : hits) {
            QuoteRecord quote = quotes.get(hit.quoteId());
            if (quote == null) {
                continue; // deleted since the index was read
            }
            matches.add(searchMatch(quote, hit, hit.key(), filter));
        }
        return matches;
    }

    /**
     * Up to {@code rows} quotes matching the filter, retracted ones included, most recently changed first (then by id),
     * after the given {@link ChangeKey}: what a feed of changes shows. Each match's key is its {@link ChangeKey}.
     *
     * <p>Without a full-text query the database walks the quotes in change order. With one, the search index finds the
     * matching quotes, newest meeting first, at most {@code searchCap} of them, and those are put in change order: a
     * quote beyond the cap (an old statement matching a common word) is left out of the feed of that search.
     *
     * @throws InvalidParameterException when the filter names a speaker, meeting or topic that does not exist, or the
     *                                   key is not one a feed issued
     */
    public List<QuoteMatch> changes(QuoteFilter filter, String afterKey, int rows, int searchCap) {
        checkReferences(filter);
        ChangeKey after = null;
        if (afterKey != null) {
            try {
                after = ChangeKey.parse(afterKey);
            } catch (IllegalArgumentException malformed) {
                throw foreignCursor();
            }
        }
        return filter.query() == null ? changesFromDatabase(filter, after, rows) : searchChanges(filter, after, rows, searchCap);
    }

    /** When any quote last changed (created, corrected, retracted, or renamed with its speaker); empty without quotes. */
    public Optional<Instant> lastChange() {
        OffsetDateTime last = em.createQuery("select max(q.updatedAt) from Quote q", OffsetDateTime.class)
                .getSingleResult();
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }

    private List<QuoteMatch> changesFromDatabase(QuoteFilter filter, ChangeKey after, int rows) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select q.id, q.updatedAt from Quote q where 1 = 1");
        appendConditions(filter, true, jpql, parameters);
        if (after != null) {
            jpql.append(" and (q.updatedAt < :afterTime or (q.updatedAt = :afterTime and q.id > :afterId))");
            parameters.put("afterTime", after.changedAt().atOffset(ZoneOffset.UTC));
            parameters.put("afterId", after.quoteId());
        }
        jpql.append(" order by q.updatedAt desc, q.id");
        TypedQuery<Object[]> idQuery = em.createQuery(jpql.toString(), Object[].class).setMaxResults(rows);
        parameters.forEach(idQuery::setParameter);
        Map<String, Instant> changed = new LinkedHashMap<>();
        idQuery.getResultList().forEach(row -> changed.put((String) row[0], ((OffsetDateTime) row[1]).toInstant()));
        Map<String, QuoteRecord> quotes = records.load(List.copyOf(changed.keySet()));
        List<QuoteMatch> matches = new ArrayList<>();
        changed.forEach((id, at) -> {
            QuoteRecord quote = quotes.get(id);
            if (quote != null) {
                matches.add(new QuoteMatch(quote, ChangeKey.format(at, id),
                        quote.variants().stream().filter(filter::admits).toList(), Map.of()));
            }
        });
        return matches;
    }

    private List<QuoteMatch> searchChanges(QuoteFilter filter, ChangeKey after, int rows, int searchCap) {
        catchUpWithOtherInstances();
        List<SearchHit> hits = index.searchByDate(filter.query(), withRetracted(filter), null, searchCap);
        Map<String, SearchHit> hitsById = new HashMap<>();
        hits.forEach(hit -> hitsById.put(hit.quoteId(), hit));
        List<ChangeKey> keys = new ArrayList<>();
        List<String> ids = List.copyOf(hitsById.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("select q.id, q.updatedAt from Quote q where q.id in :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .getResultList()
                    .forEach(row -> keys.add(new ChangeKey(((OffsetDateTime) row[1]).toInstant(), (String) row[0])));
        }
        Comparator<ChangeKey> newestFirst = Comparator.comparing(ChangeKey::changedAt).reversed()
                .thenComparing(ChangeKey::quoteId);
        List<ChangeKey> page = keys.stream()
                .filter(key -> after == null || newestFirst.compare(key, after) > 0)
                .sorted(newestFirst)
                .limit(rows)
                .toList();
        Map<String, QuoteRecord> quotes = records.load(page.stream().map(ChangeKey::quoteId).toList());
        List<QuoteMatch> matches = new ArrayList<>();
        for (ChangeKey key : page) {
            QuoteRecord quote = quotes.get(key.quoteId());
            if (quote == null) {
                continue;
            }
            matches.add(searchMatch(quote, hitsById.get(key.quoteId()), ChangeKey.format(key.changedAt(), key.quoteId()),
                    filter));
        }
        return matches;
    }

    /** The quote as a search found it: the variants that matched, with the query's highlights. */
    private static QuoteMatch searchMatch(QuoteRecord quote, SearchHit hit, String key, QuoteFilter filter) {
        List<QuoteRecord.Variant> variants = quote.variants().stream()
                .filter(variant -> hit.variantIds().contains(variant.id()))
                .toList();
        Map<Long, List<Highlight>> highlights = variants.stream().collect(Collectors.toMap(QuoteRecord.Variant::id,
                variant -> filter.query().highlight(variant.text(), variant.lang())));
        return new QuoteMatch(quote, key, variants, highlights);
    }

    /** The filter as a search of changes applies it: retracted quotes too, since a feed shows their tombstones. */
    private static SearchFilter withRetracted(QuoteFilter filter) {
        return new SearchFilter() {
            @Override
            public List<String> speakers() {
                return filter.speakers();
            }

            @Override
            public String meeting() {
                return filter.meeting();
            }

            @Override
            public List<String> topics() {
                return filter.topics();
            }

            @Override
            public String lang() {
                return filter.lang();
            }

            @Override
            public String variantMode() {
                return filter.variantMode();
            }

            @Override
            public LocalDate from() {
                return filter.from();
            }

            @Override
            public LocalDate to() {
                return filter.to();
            }

            @Override
            public Instant updatedSince() {
                return filter.updatedSince();
            }

            @Override
            public boolean includeRetracted() {
                return true;
            }
        };
    }

    private static void appendConditions(QuoteFilter filter, boolean includeRetracted, StringBuilder jpql,
            Map<String, Object> parameters) {
        if (!includeRetracted) {
            jpql.append(" and q.retractedAt is null");
        }
        if (!filter.speakers().isEmpty()) {
            jpql.append(" and q.speaker.id in :speakers");
            parameters.put("speakers", filter.speakers());
        }
        if (filter.meeting() != null) {
            jpql.append(" and q.meeting.id = :meeting");
            parameters.put("meeting", filter.meeting());
        }
        if (!filter.topics().isEmpty()) {
            jpql.append(" and exists (select 1 from Quote tq join tq.topics t where tq = q and t.id in :topics)");
            parameters.put("topics", filter.topics());
        }
        if (filter.from() != null || filter.to() != null) {
            jpql.append(" and q.sortDate > :undated"); // a date range leaves out quotes of undated meetings
            parameters.put("undated", Quote.UNDATED);
        }
        if (filter.from() != null) {
            jpql.append(" and q.sortDate >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" and q.sortDate <= :to");
            parameters.put("to", filter.to());
        }
        if (filter.updatedSince() != null) {
            jpql.append(" and q.updatedAt >= :updatedSince");
            parameters.put("updatedSince", filter.updatedSince().atOffset(ZoneOffset.UTC));
        }
        if (filter.lang() != null || filter.mode() != null) {
            jpql.append(" and exists (select 1 from QuoteVariant v where v.quote = q");
            if (filter.lang() != null) {
                jpql.append(" and v.lang = :lang");
                parameters.put("lang", filter.lang());
            }
            if (filter.mode() != null) {
                jpql.append(" and v.mode = :mode");
                parameters.put("mode", filter.mode());
            }
            jpql.append(")");
        }
    }

    /**
     * @throws InvalidParameterException when the filter names a speaker, meeting or topic that does not exist
     */
    public void checkReferences(QuoteFilter filter) {
        List<Violation> violations = new ArrayList<>();
        unknown("speaker", "Speaker", filter.speakers(), "/api/v1/speakers", violations);
        unknown("topic", "Topic", filter.topics(), "/api/v1/topics", violations);
        if (filter.meeting() != null && Meeting.findByIdOptional(filter.meeting()).isEmpty()) {
            violations.add(new Violation("meeting",
                    "there is no meeting with id '" + filter.meeting() + "' (see /api/v1/meetings)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidParameterException(violations);
        }
    }

    private void unknown(String parameter, String entity, List<String> ids, String listing, List<Violation> violations) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> known = em.createQuery("select e.id from " + entity + " e where e.id in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList();
        ids.stream().filter(id -> !known.contains(id)).forEach(id -> violations.add(new Violation(parameter,
                "there is no " + parameter + " with id '" + id + "' (see " + listing + ")")));
    }
}
