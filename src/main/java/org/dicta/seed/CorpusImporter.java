package org.dicta.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dicta.auth.CurrentEditor;
import org.dicta.history.Outcome;
import org.dicta.language.Language;
import org.dicta.language.LanguageCatalog;
import org.dicta.meeting.Meeting;
import org.dicta.meeting.MeetingEditor;
import org.dicta.meeting.MeetingInput;
import org.dicta.quote.Quote;
import org.dicta.quote.QuoteChanged;
import org.dicta.quote.QuoteEditor;
import org.dicta.quote.QuoteInput;
import org.dicta.source.Source;
import org.dicta.source.SourceEditor;
import org.dicta.source.SourceInput;
import org.dicta.speaker.Speaker;
import org.dicta.speaker.SpeakerEditor;
import org.dicta.speaker.SpeakerInput;
import org.dicta.topic.Topic;
import org.dicta.web.ProblemException;
import org.jboss.logging.Logger;
import org.dicta.domain.DomainException;
import org.dicta.domain.Violation;

/**
 * Dicta's importer of corpora in the seeds' format, with one loader ({@link CorpusLoader}) for all of them:
 *
 * <ul>
 *   <li>at start-up, the curated corpus goes into an empty database, in one transaction, written directly (a second
 *       start adds nothing; a faulty annotation stops start-up with a message naming the file and entry);</li>
 *   <li>through the API ({@code POST /api/v1/imports}), a zipped corpus is merged into the stored data, in one
 *       transaction, through the editors: each resource is created, updated with a revision, or left unchanged.</li>
 * </ul>
 */
@ApplicationScoped
public class CorpusImporter {

    private static final Logger LOG = Logger.getLogger(CorpusImporter.class);

    /** Limits on what an uploaded archive may unpack to. */
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

    private final SeedConfig config;
    private final LanguageCatalog catalog;
    private final EntityManager em;
    private final SpeakerEditor speakers;
    private final SourceEditor sources;
    private final MeetingEditor meetings;
    private final QuoteEditor quotes;
    private final CurrentEditor currentEditor;
    private final jakarta.validation.Validator validator;
    private final Event<QuoteChanged> quoteChanged;

    CorpusImporter(SeedConfig config, LanguageCatalog catalog, EntityManager em, SpeakerEditor speakers, SourceEditor sources,
            MeetingEditor meetings, QuoteEditor quotes, CurrentEditor currentEditor, jakarta.validation.Validator validator,
            Event<QuoteChanged> quoteChanged) {
        this.validator = validator;
        this.quoteChanged = quoteChanged;
        this.config = config;
        this.catalog = catalog;
        this.em = em;
        this.speakers = speakers;
        this.sources = sources;
        this.meetings = meetings;
        this.quotes = quotes;
        this.currentEditor = currentEditor;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (config.enabled()) {
            importIfEmpty();
        }
    }

    /**
     * Imports the configured corpus unless one was imported before; returns the new import record if any. The corpus
     * is read as a stream and written as it is read, a chunk at a time, in one transaction: memory does not grow with
     * the corpus, and a fault anywhere in it leaves nothing behind.
     */
    public Optional<CorpusImport> importIfEmpty() {
        long[] written = new long[1];
        Optional<CorpusImport> imported = QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
            CorpusFiles files = config.corpus();
            if (CorpusImport.count() > 0) {
                LOG.infof("Corpus already imported; %s left as it is", files.location());
                return Optional.<CorpusImport>empty();
            }
            long started = System.nanoTime();
            Writer writer = new Writer();
            CorpusLoader.Summary summary = CorpusLoader.stream(files, CorpusLoader.Existing.NONE, writer);
            LOG.infof("Read and checked %s in %d ms", files.location(), (System.nanoTime() - started - writer.nanos) / 1_000_000);
            CorpusImport record = writer.finish(summary, files.location());
            written[0] = System.nanoTime();
            return Optional.of(record);
        });
        catalog.refresh();
        if (imported.isPresent()) {
            LOG.infof("Import committed in %d ms", (System.nanoTime() - written[0]) / 1_000_000);
            updateStatistics();
        }
        return imported;
    }

    /**
     * Brings the query planner's statistics up to date after a bulk import. Until then they describe an empty
     * database, and PostgreSQL plans a page of a filtered list as a scan of every quote (85 ms instead of 0.1 ms for
     * a language's first page at 100k variants) until autovacuum next analyses the tables.
     */
    private void updateStatistics() {
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
        LOG.infof("Planner statistics updated in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    private int timeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, config.timeout().toSeconds());
    }

    /** Persists a checked corpus in one transaction: all of it, or (on any failure) nothing. */
    public CorpusImport importCorpus(Corpus corpus) {
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
                Writer writer = new Writer();
                corpus.languages().forEach(writer::language);
                corpus.topics().forEach(writer::topic);
                corpus.speakers().forEach(writer::speaker);
                corpus.sources().forEach(writer::source);
                corpus.meetings().forEach(writer::meeting);
                for (int from = 0; from < corpus.quotes().size(); from += CorpusLoader.QUOTE_CHUNK) {
                    writer.quotes(corpus.quotes().subList(from, Math.min(corpus.quotes().size(), from + CorpusLoader.QUOTE_CHUNK)));
                }
                return writer.finish(new CorpusLoader.Summary(corpus.annotationsSha256(), corpus.languages().size(),
                        corpus.topics().size(), corpus.speakers().size(), corpus.sources().size(), corpus.meetings().size(),
                        corpus.quotes().size(), corpus.variantCount()), "a corpus loaded by the caller");
            });
        } finally {
            catalog.refresh();
        }
    }

    /**
     * Writes a corpus directly (no revisions) as the loader hands it on, in the caller's transaction. The session is
     * flushed and let go of every few hundred documents and after every chunk of quotes, so that it stays small at any
     * corpus size; later entries point at earlier ones by reference.
     */
    private final class Writer implements CorpusLoader.Sink {

        private static final int ENTRIES_HELD = 200;

        private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        /** Time spent writing, for the log. */
        long nanos;
        private int held;

        @Override
        public void language(Language language) {
            write(() -> em.persist(language));
        }

        @Override
        public void topic(Topic topic) {
            write(() -> em.persist(topic));
        }

        @Override
        public void speaker(Speaker speaker) {
            write(() -> {
                speaker.indexNames();
                em.persist(speaker);
            });
        }

        @Override
        public void source(Source source) {
            write(() -> hold(source));
        }

        @Override
        public void meeting(Meeting meeting) {
            write(() -> hold(meeting));
        }

        /**
         * Persists a source or meeting, and lets the session go every few hundred of them: documents are the corpus's
         * largest entries, and each meeting holds a reference to each of its sources.
         */
        private void hold(Object entry) {
            em.persist(entry);
            if (++held % ENTRIES_HELD == 0) {
                letGo();
            }
        }

        @Override
        public void quotes(List<Quote> quotes) {
            write(() -> {
                for (Quote quote : quotes) {
                    quote.updatedAt = now;
                    em.persist(quote);
                }
                letGo();
            });
        }

        @Override
        public Set<String> taken(Collection<String> quoteIds) {
            return Set.copyOf(em.createQuery("select q.id from Quote q where q.id in :ids", String.class)
                    .setParameter("ids", quoteIds).getResultList());
        }

        @Override
        public <T> T reference(Class<T> type, String id) {
            return em.getReference(type, id);
        }

        private void letGo() {
            em.flush();
            em.clear();
        }

        private void write(Runnable step) {
            long started = System.nanoTime();
            step.run();
            nanos += System.nanoTime() - started;
        }

        /** Records the import, in the same transaction. */
        CorpusImport finish(CorpusLoader.Summary summary, String origin) {
            CorpusImport record = new CorpusImport();
            record.annotationsSha256 = summary.annotationsSha256();
            record.quotes = summary.quotes();
            record.variants = summary.variants();
            record.importedAt = now;
            write(() -> {
                em.persist(record);
                em.flush();
            });
            LOG.infof("Imported corpus from %s: %d languages, %d topics, %d speakers, %d sources, %d meetings, %d quotes, "
                    + "%d variants (written in %d ms)", origin, summary.languages(), summary.topics(), summary.speakers(),
                    summary.sources(), summary.meetings(), record.quotes, record.variants, nanos / 1_000_000);
            return record;
        }
    }

    /** Unpacks and applies a zipped corpus. */
    public ImportReport importZip(InputStream zip, String editor) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dicta-import");
            unzip(zip, dir);
            Path corpus = dir;
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> apply(corpus, editor));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack an import", e);
        } finally {
            deleteQuietly(dir);
            catalog.refresh();
        }
    }

    /** Runs in one transaction (see {@link #importZip}): any refusal rolls everything back. */
    /** Quotes show their topics' labels: relabelling a topic changes them. */
    private void touchQuotesTagged(Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        QuoteChanged.touch(em.createQuery("select distinct q from Quote q join q.topics t where t.id in :topics", Quote.class)
                .setParameter("topics", topics).getResultList(), quoteChanged);
    }

    /** Citations name the language of each variant: renaming a language changes them. */
    private void touchQuotesIn(Collection<String> languages) {
        if (languages.isEmpty()) {
            return;
        }
        QuoteChanged.touch(em.createQuery("select distinct v.quote from QuoteVariant v where v.lang in :languages", Quote.class)
                .setParameter("languages", languages).getResultList(), quoteChanged);
    }

    ImportReport apply(Path dir, String editor) {
        Corpus corpus;
        try {
            corpus = CorpusLoader.load(dir, new CorpusLoader.Existing() {
                @Override
                public <T> T find(Class<T> type, String id) {
                    return em.find(type, id);
                }

                @Override
                public boolean language(String code) {
                    return em.find(Language.class, code) != null;
                }
            });
        } catch (CorpusException e) {
            throw invalidCorpus("The corpus cannot be imported; nothing was changed. " + e.errors().size()
                    + " problem(s) in " + CorpusLoader.ANNOTATIONS + ".", e.errors().stream()
                    .map(error -> new Violation(CorpusLoader.ANNOTATIONS, error)).toList());
        }
        ImportReport report = ImportReport.empty();
        for (Language language : corpus.languages()) {
            Language stored = em.find(Language.class, language.code);
            if (stored == null) {
                language.position = catalog.codes().size() + report.languages().created().size();
                em.persist(language);
                report.languages().add(language.code, Outcome.CREATED);
            } else if (Objects.equals(stored.englishName, language.englishName)
                    && Objects.equals(stored.nativeName, language.nativeName) && stored.direction == language.direction) {
                report.languages().add(language.code, Outcome.UNCHANGED);
            } else {
                stored.englishName = language.englishName;
                stored.nativeName = language.nativeName;
                stored.direction = language.direction;
                report.languages().add(language.code, Outcome.UPDATED);
            }
        }
        em.flush();
        for (Topic topic : corpus.topics()) {
            Topic stored = em.find(Topic.class, topic.id);
            if (stored == null) {
                topic.position = (int) (long) em.createQuery("select count(t) from Topic t", Long.class).getSingleResult();
                em.persist(topic);
                report.topics().add(topic.id, Outcome.CREATED);
            } else if (stored.labels.equals(topic.labels)) {
                report.topics().add(topic.id, Outcome.UNCHANGED);
            } else {
                stored.labels.clear();
                stored.labels.putAll(topic.labels);
                report.topics().add(topic.id, Outcome.UPDATED);
            }
        }
        em.flush();
        touchQuotesTagged(report.topics().updated());
        touchQuotesIn(report.languages().updated());
        if (!report.languages().created().isEmpty() || !report.languages().updated().isEmpty()
                || !report.topics().created().isEmpty() || !report.topics().updated().isEmpty()) {
            currentEditor.requireAdmin(); // the catalogue of languages and topics is for admins to change
        }
        applyAll("speakers", corpus.speakers(), speaker -> speaker.id, speaker -> speakers.upsert(valid(SpeakerInput.of(speaker)), editor),
                report.speakers());
        if (!report.speakers().created().isEmpty() || !report.speakers().updated().isEmpty()) {
            currentEditor.requireAdmin(); // who speakers are is for admins to say
        }
        applyAll("sources", corpus.sources(), source -> source.id, source -> sources.upsert(valid(SourceInput.of(source)), editor),
                report.sources());
        applyAll("meetings", corpus.meetings(), meeting -> meeting.id, meeting -> meetings.upsert(valid(MeetingInput.of(meeting)), editor),
                report.meetings());
        applyAll("quotes", corpus.quotes(), quote -> quote.id, quote -> quotes.upsert(valid(QuoteInput.of(quote)), editor),
                report.quotes());
        return report;
    }

    /** The checks an API body gets, for an entry of an imported corpus. */
    private <T> T valid(T input) {
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        return input;
    }

    /** Applies each entry, naming the entry when one is refused (which rolls the whole import back). */
    private static <E> void applyAll(String section, List<E> entries, Function<E, String> idOf, Function<E, Outcome> upsert,
            ImportReport.Changes changes) {
        for (int i = 0; i < entries.size(); i++) {
            E entry = entries.get(i);
            String where = CorpusLoader.ANNOTATIONS + ": " + section + "[" + i + "] (" + idOf.apply(entry) + ")";
            try {
                changes.add(idOf.apply(entry), upsert.apply(entry));
            } catch (jakarta.validation.ConstraintViolationException e) {
                throw invalidCorpus(where + ": " + e.getConstraintViolations().size()
                        + " invalid field(s). Nothing was imported.", e.getConstraintViolations().stream()
                        .map(v -> new Violation(where + " " + v.getPropertyPath(), v.getMessage())).toList());
            } catch (DomainException e) {
                throw e.restated(where + ": " + e.getMessage() + " Nothing was imported.", e.violations() == null ? null
                        : e.violations().stream().map(v -> new Violation(where + " " + v.field(), v.message())).toList());
            }
        }
    }

    private static DomainException invalidCorpus(String detail, List<Violation> violations) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, "invalid-corpus", "Invalid corpus", detail, violations);
    }

    private static void unzip(InputStream zip, Path dir) throws IOException {
        int entries = 0;
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge("more than " + MAX_ENTRIES + " entries");
                }
                Path target;
                try {
                    target = dir.resolve(entry.getName()).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    throw invalidEntry(entry.getName());
                }
                if (!target.startsWith(dir) || entry.getName().startsWith("/")) {
                    throw new ProblemException(400, "/problems/invalid-archive", "Invalid archive",
                            "The archive entry '" + entry.getName() + "' points outside the archive.", null, Map.of());
                }
                if (target.equals(dir)) {
                    continue; // "." or "/": the archive's own root
                }
                try {
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                } catch (IOException e) {
                    throw invalidEntry(entry.getName());
                }
                java.io.OutputStream file;
                try {
                    file = Files.newOutputStream(target);
                } catch (IOException e) {
                    throw invalidEntry(entry.getName());
                }
                try (var out = file) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        unpacked += read;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw tooLarge("more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MiB unpacked");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ProblemException(400, "/problems/invalid-archive", "Invalid archive",
                    "The body is not a readable zip archive: " + e.getMessage(), null, Map.of());
        }
        if (entries == 0) {
            throw new ProblemException(400, "/problems/invalid-archive", "Invalid archive",
                    "The body is not a zip archive with " + CorpusLoader.ANNOTATIONS + " and its documents.", null, Map.of());
        }
    }

    private static ProblemException invalidEntry(String name) {
        return new ProblemException(400, "/problems/invalid-archive", "Invalid archive",
                "The archive entry '" + name + "' cannot be unpacked (it clashes with another entry or is not a file name).",
                null, Map.of());
    }

    private static ProblemException tooLarge(String what) {
        return new ProblemException(413, "/problems/archive-too-large", "Archive too large",
                "The archive unpacks to " + what + "; split the corpus into several imports.", null, Map.of());
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
