package org.dicta.search;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The full-text index of quote variants (one Lucene document per variant), kept beside the database, which stays the
 * source of truth: the index can always be rebuilt from it. Searching returns quote ids in page order with the
 * variants that matched; the caller loads the quotes themselves from the database.
 */
@ApplicationScoped
public class SearchIndex {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SearchIndex.class);

    private static final String QUOTE = "quote";
    private static final String VARIANT = "variant";
    private static final String SPEAKER = "speaker";
    private static final String MEETING = "meeting";
    private static final String TOPIC = "topic";
    private static final String LANG = "lang";
    private static final String MODE = "mode";
    private static final String DATE = "date";
    private static final String UPDATED = "updated";
    private static final String RETRACTED = "retracted";
    /** Commit metadata: when the last reading of the database whose changes the index holds began. */
    private static final String READ_AT = "dicta.read-at";
    /** Commit metadata: which database the index was built from (another one, even with the same corpus, differs). */
    private static final String DATABASE = "dicta.database";

    /**
     * The order of date-sorted pages, newest meeting first, then quote id, then variant id; also the order of the
     * documents in every segment (the index sort), so that a page's search stops once it has its documents.
     */
    private static final Sort BY_DATE = new Sort(new SortField(DATE, SortField.Type.LONG, true),
            new SortField(QUOTE, SortField.Type.STRING), new SortField(VARIANT, SortField.Type.LONG));

    /** Random draws before a selective filter's matches are listed instead (see {@link #randomQuote}). */
    static final int RANDOM_DRAWS = 512;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final int batch;

    SearchIndex(SearchConfig config) {
        batch = config.batchSize();
        try {
            directory = config.indexDir().isPresent()
                    ? FSDirectory.open(config.indexDir().get())
                    : new ByteBuffersDirectory();
            writer = openWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + config.indexDir().orElse(null), e);
        }
    }

    private static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (Analysis analysis : Analysis.values()) {
            analyzers.put(analysis.field(), analysis.analyzer());
        }
        return new IndexWriterConfig(new PerFieldAnalyzerWrapper(Analysis.PLAIN.analyzer(), analyzers))
                .setIndexSort(BY_DATE)
                .setOpenMode(mode);
    }

    /**
     * The writer of the index in this directory. An index written in another order (by a release before the index
     * sort) cannot be appended to: it is started afresh, and the start-up check rebuilds it from the database.
     */
    private static IndexWriter openWriter(Directory directory, SearchConfig config) throws IOException {
        try {
            return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (IllegalArgumentException otherOrder) {
            LOG.infof("The search index in %s is kept in another order (%s); it is started afresh and rebuilt from the database",
                    config.indexDir().orElse(null), otherOrder.getMessage());
            return new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    void close(@Observes ShutdownEvent event) throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /**
     * When the last reading of the database whose changes the index holds began, if recorded: every change committed
     * before then is in the index (after a crash, as of its last commit).
     */
    public Optional<Instant> readAt() {
        return liveData(READ_AT).map(Instant::parse);
    }

    /** The database the index was built from, as {@link #rebuild} was told. */
    public Optional<String> database() {
        return liveData(DATABASE);
    }

    private Optional<String> liveData(String key) {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(key)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces the whole index with these variants of the given database, records when the reading of them began, and
     * commits.
     */
    public void rebuild(Iterator<IndexedVariant> variants, Instant readAt, String database) {
        try {
            writer.deleteAll();
            while (variants.hasNext()) {
                writer.addDocument(document(variants.next()));
            }
            writer.setLiveCommitData(Map.of(READ_AT, readAt.toString(), DATABASE, database).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the search index", e);
        }
    }

    /**
     * Replaces these quotes' variants in the index (an empty list: the quote is gone), records when the reading that
     * found them changed began, and makes them visible to the next search at once. They reach the disk with the next
     * {@link #commit}.
     */
    public void replaceQuotes(Map<String, List<IndexedVariant>> quotes, Instant readAt) {
        try {
            for (Map.Entry<String, List<IndexedVariant>> quote : quotes.entrySet()) {
                writer.updateDocuments(new Term(QUOTE, quote.getKey()),
                        quote.getValue().stream().map(SearchIndex::document).toList());
            }
            // After the documents: a commit in between records an older reading, which only means more to catch up.
            record(readAt);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the search index for quotes " + quotes.keySet(), e);
        }
    }

    private void record(Instant readAt) {
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        data.put(READ_AT, readAt.toString());
        writer.setLiveCommitData(data.entrySet());
    }

    /**
     * Writes the changes made since the last commit to disk, every {@code dicta.search.commit-interval}: changes are
     * searchable at once, and an index a crash leaves behind is caught up from the change feed at the next start.
     */
    @Scheduled(every = "${dicta.search.commit-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void commit() {
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the search index", e);
        }
    }

    /**
     * One page of the quotes whose variants match, newest meeting first (then by quote id), after the given key. The
     * documents lie in that order in every segment, so each segment is read only up to the page's last document: the
     * cost grows with the page size, not with the number of matches.
     *
     * @param rows how many quotes to return at most
     */
    public List<SearchHit> searchByDate(SearchQuery query, SearchFilter filter, String afterKey, int rows) {
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        IndexSearcher searcher = acquire();
        try {
            if (searcher.getIndexReader().maxDoc() == 0) {
                return List.of();
            }
            FieldDoc after = null;
            if (afterKey != null) {
                DateKey key = DateKey.parse(afterKey);
                // After every variant of the last quote served: no variant id reaches Long.MAX_VALUE, so the doc id
                // (which must lie inside the index) never decides.
                after = new FieldDoc(searcher.getIndexReader().maxDoc() - 1, Float.NaN,
                        new Object[] {key.date().toEpochDay(), new BytesRef(key.quoteId()), Long.MAX_VALUE});
            }
            Query lucene = build(query, filter);
            while (true) {
                // The index is sorted as the page is: each segment stops after its first documents past the cursor.
                TopDocs top = searcher.search(lucene, new TopFieldCollectorManager(BY_DATE, batch, after, batch));
                for (ScoreDoc scoreDoc : top.scoreDocs) {
                    FieldDoc doc = (FieldDoc) scoreDoc;
                    String quoteId = ((BytesRef) doc.fields[1]).utf8ToString();
                    if (!hits.containsKey(quoteId) && hits.size() == rows) {
                        return List.copyOf(hits.values());
                    }
                    long day = (Long) doc.fields[0];
                    hits.computeIfAbsent(quoteId, id -> new SearchHit(id,
                            DateKey.format(LocalDate.ofEpochDay(day), id), new ArrayList<>()))
                            .variantIds().add((Long) doc.fields[2]);
                    after = doc;
                }
                if (top.scoreDocs.length < batch) {
                    return List.copyOf(hits.values());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the index", e);
        } finally {
            release(searcher);
        }
    }

    /**
     * One page of the matching quotes, most relevant first: a quote scores as its best-matching variant (BM25), ties
     * broken by quote id, so that cursors stay stable whatever the order of documents in the index.
     *
     * <p>Only the top-scoring documents are collected, and Lucene skips the blocks of documents that cannot score high
     * enough to enter them (block-max WAND), so the cost grows with the page size, not with the number of matches.
     * Enough are collected when the lowest collected score lies below the page's last quote (every tie of it is then
     * in); otherwise twice as many are. After a cursor, only documents scoring at most the cursor's score count, and a
     * quote whose best variant lies before the cursor was served already; one test per newly seen quote finds those.
     */
    public List<SearchHit> searchByRelevance(SearchQuery query, SearchFilter filter, String afterKey, int rows) {
        RelevanceKey after = afterKey == null ? null : RelevanceKey.parse(afterKey);
        IndexSearcher searcher = acquire();
        try {
            if (searcher.getIndexReader().maxDoc() == 0) {
                return List.of();
            }
            Query lucene = build(query, filter);
            // Documents scoring at most the cursor's score, ties included (no document number is below 0).
            ScoreDoc from = after == null ? null : new ScoreDoc(-1, after.score());
            Set<String> earlier = new HashSet<>();
            int maxDoc = searcher.getIndexReader().maxDoc();
            int collected = Math.min(maxDoc, Math.max(4 * rows, MIN_COLLECTED));
            while (true) {
                TopDocs top = searcher.search(lucene, new TopScoreDocCollectorManager(collected, from, collected));
                List<Scored> hits = scored(searcher, top.scoreDocs);
                boolean all = top.scoreDocs.length < collected || collected == maxDoc;
                float lowest = hits.isEmpty() ? Float.NaN : top.scoreDocs[top.scoreDocs.length - 1].score;
                Map<String, SearchHit> page = new LinkedHashMap<>();
                float last = Float.NaN;
                for (Scored hit : hits) {
                    if (page.size() == rows) {
                        break;
                    }
                    if (page.containsKey(hit.quoteId()) || earlier.contains(hit.quoteId())) {
                        continue;
                    }
                    if (after != null && !after.isBefore(bestScore(searcher, lucene, hit.quoteId()), hit.quoteId())) {
                        earlier.add(hit.quoteId());
                        continue;
                    }
                    page.put(hit.quoteId(), new SearchHit(hit.quoteId(), RelevanceKey.format(hit.score(), hit.quoteId()),
                            new ArrayList<>()));
                    last = hit.score();
                }
                if (all || (page.size() == rows && lowest < last)) {
                    addMatchingVariants(searcher, lucene, page);
                    return List.copyOf(page.values());
                }
                collected = Math.min(maxDoc, 2 * collected);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the index", e);
        } finally {
            release(searcher);
        }
    }

    /** Documents collected per page at least: a quote has a few variants. */
    private static final int MIN_COLLECTED = 64;

    /** A matching document: its score, quote and variant. */
    private record Scored(float score, String quoteId, long variantId) {
    }

    /** The documents with their quote and variant ids, by score, then quote id, then variant id. */
    private static List<Scored> scored(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Scored> scored = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
            int local = doc.doc - leaf.docBase;
            SortedDocValues quotes = DocValues.getSorted(leaf.reader(), QUOTE);
            var variants = DocValues.getNumeric(leaf.reader(), VARIANT);
            if (quotes.advanceExact(local) && variants.advanceExact(local)) {
                scored.add(new Scored(doc.score, quotes.lookupOrd(quotes.ordValue()).utf8ToString(), variants.longValue()));
            }
        }
        scored.sort(java.util.Comparator.comparing(Scored::score, java.util.Comparator.reverseOrder())
                .thenComparing(Scored::quoteId).thenComparingLong(Scored::variantId));
        return scored;
    }

    /** Every matching variant of the page's quotes (those scoring below the page's last quote too). */
    private static void addMatchingVariants(IndexSearcher searcher, Query query, Map<String, SearchHit> page) throws IOException {
        if (page.isEmpty()) {
            return;
        }
        Query ofPage = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(anyOf(QUOTE, List.copyOf(page.keySet())), BooleanClause.Occur.FILTER)
                .build();
        int count = searcher.count(ofPage);
        for (Scored hit : scored(searcher, searcher.search(ofPage, Math.max(count, 1)).scoreDocs)) {
            page.get(hit.quoteId()).variantIds().add(hit.variantId());
        }
    }

    /** The score of the quote's best-matching variant. */
    private static float bestScore(IndexSearcher searcher, Query query, String quoteId) throws IOException {
        TopDocs best = searcher.search(new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(QUOTE, quoteId)), BooleanClause.Occur.FILTER)
                .build(), 1);
        return best.scoreDocs.length == 0 ? Float.NEGATIVE_INFINITY : best.scoreDocs[0].score;
    }

    /**
     * A quote picked uniformly at random among those with a variant matching the filter, in time that does not grow
     * with the index for filters that match a fair share of it.
     *
     * <p>Documents are variants, so a quote with more matching variants would be picked more often. Each draw takes a
     * document number at random and keeps it only if that document matches (uniform over matching variants), then keeps
     * its quote with probability 1/m, m being the quote's number of matching variants (uniform over quotes). After
     * {@value #RANDOM_DRAWS} rejected draws the filter is selective: every match is then listed and one quote drawn.
     */
    public Optional<String> randomQuote(SearchFilter filter, RandomGenerator random) {
        IndexSearcher searcher = acquire();
        try {
            int maxDoc = searcher.getIndexReader().maxDoc();
            if (maxDoc == 0) {
                return Optional.empty();
            }
            Query matching = searcher.rewrite(build(null, filter));
            Weight weight = searcher.createWeight(matching, ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (int draw = 0; draw < RANDOM_DRAWS; draw++) {
                int doc = random.nextInt(maxDoc);
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                int local = doc - leaf.docBase;
                Bits live = leaf.reader().getLiveDocs();
                if ((live != null && !live.get(local)) || !matches(weight, leaf, local)) {
                    continue;
                }
                SortedDocValues quotes = DocValues.getSorted(leaf.reader(), QUOTE);
                if (!quotes.advanceExact(local)) {
                    continue;
                }
                String quoteId = quotes.lookupOrd(quotes.ordValue()).utf8ToString();
                int variants = searcher.count(new BooleanQuery.Builder()
                        .add(matching, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(QUOTE, quoteId)), BooleanClause.Occur.FILTER)
                        .build());
                if (variants > 0 && random.nextInt(variants) == 0) {
                    return Optional.of(quoteId);
                }
            }
            List<String> all = matchingQuotes(searcher, weight);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the index", e);
        } finally {
            release(searcher);
        }
    }

    private static boolean matches(Weight weight, LeafReaderContext leaf, int doc) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return false;
        }
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        if (twoPhase == null) {
            return scorer.iterator().advance(doc) == doc;
        }
        return twoPhase.approximation().advance(doc) == doc && twoPhase.matches();
    }

    /** The distinct quotes of every matching document. */
    private static List<String> matchingQuotes(IndexSearcher searcher, Weight weight) throws IOException {
        Set<String> quotes = new LinkedHashSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), QUOTE);
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
                    quotes.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
                }
            }
        }
        return new ArrayList<>(quotes);
    }

    /** The query with the filter's restrictions; a null query matches every variant. */
    private static Query build(SearchQuery query, SearchFilter filter) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(query == null ? new MatchAllDocsQuery() : query.toLucene(), BooleanClause.Occur.MUST);
        if (!filter.includeRetracted()) {
            builder.add(new TermQuery(new Term(RETRACTED, "false")), BooleanClause.Occur.FILTER);
        }
        if (filter.speakers() != null && !filter.speakers().isEmpty()) {
            builder.add(anyOf(SPEAKER, filter.speakers()), BooleanClause.Occur.FILTER);
        }
        if (filter.topics() != null && !filter.topics().isEmpty()) {
            builder.add(anyOf(TOPIC, filter.topics()), BooleanClause.Occur.FILTER);
        }
        if (filter.meeting() != null) {
            builder.add(new TermQuery(new Term(MEETING, filter.meeting())), BooleanClause.Occur.FILTER);
        }
        if (filter.lang() != null) {
            builder.add(new TermQuery(new Term(LANG, filter.lang())), BooleanClause.Occur.FILTER);
        }
        if (filter.variantMode() != null) {
            builder.add(new TermQuery(new Term(MODE, filter.variantMode())), BooleanClause.Occur.FILTER);
        }
        if (filter.from() != null || filter.to() != null) {
            // A date range leaves out quotes of undated meetings.
            long from = Math.max(DateKey.UNDATED.toEpochDay() + 1, filter.from() != null ? filter.from().toEpochDay() : Long.MIN_VALUE);
            long to = filter.to() != null ? filter.to().toEpochDay() : Long.MAX_VALUE;
            builder.add(LongPoint.newRangeQuery(DATE, from, to), BooleanClause.Occur.FILTER);
        }
        if (filter.updatedSince() != null) {
            builder.add(LongPoint.newRangeQuery(UPDATED, filter.updatedSince().toEpochMilli(), Long.MAX_VALUE),
                    BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private static Query anyOf(String field, List<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static Document document(IndexedVariant variant) {
        Document doc = new Document();
        doc.add(new StringField(QUOTE, variant.quoteId(), Field.Store.NO));
        doc.add(new SortedDocValuesField(QUOTE, new BytesRef(variant.quoteId())));
        doc.add(new NumericDocValuesField(VARIANT, variant.variantId()));
        doc.add(new StringField(SPEAKER, variant.speakerId(), Field.Store.NO));
        doc.add(new StringField(MEETING, variant.meetingId(), Field.Store.NO));
        doc.add(new StringField(LANG, variant.lang(), Field.Store.NO));
        doc.add(new StringField(MODE, variant.mode(), Field.Store.NO));
        for (String topic : variant.topics()) {
            doc.add(new StringField(TOPIC, topic, Field.Store.NO));
        }
        long day = variant.sortDate().toEpochDay();
        doc.add(new LongPoint(DATE, day));
        doc.add(new NumericDocValuesField(DATE, day));
        doc.add(new LongPoint(UPDATED, variant.updatedAt().toEpochMilli()));
        doc.add(new StringField(RETRACTED, String.valueOf(variant.retracted()), Field.Store.NO));
        doc.add(new TextField(Analysis.of(variant.lang()).field(), variant.text(), Field.Store.NO));
        return doc;
    }

    private IndexSearcher acquire() {
        try {
            searchers.maybeRefresh();
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index", e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release a searcher", e);
        }
    }

    /** Number of indexed variants. */
    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

}
