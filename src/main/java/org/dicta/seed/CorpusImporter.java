package org.dicta.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.dicta.language.LanguageCatalog;
import org.jboss.logging.Logger;

/**
 * Loads the curated corpus into an empty database at start-up, in one transaction: a second start adds nothing, and a
 * faulty annotation stops start-up with a message naming the file and entry.
 */
@ApplicationScoped
public class CorpusImporter {

    private static final Logger LOG = Logger.getLogger(CorpusImporter.class);

    private final SeedConfig config;
    private final LanguageCatalog catalog;
    private final EntityManager em;

    CorpusImporter(SeedConfig config, LanguageCatalog catalog, EntityManager em) {
        this.config = config;
        this.catalog = catalog;
        this.em = em;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (config.enabled()) {
            importIfEmpty();
        }
    }

    /** Imports the configured corpus unless one was imported before; returns the new import record if any. */
    public Optional<CorpusImport> importIfEmpty() {
        Optional<CorpusImport> imported = QuarkusTransaction.requiringNew().call(() -> {
            if (CorpusImport.count() > 0) {
                LOG.infof("Corpus already imported; %s left as it is", config.dir());
                return Optional.<CorpusImport>empty();
            }
            return Optional.of(persist(CorpusLoader.load(config.dir())));
        });
        catalog.refresh();
        return imported;
    }

    /** Persists a checked corpus in one transaction: all of it, or (on any failure) nothing. */
    public CorpusImport importCorpus(Corpus corpus) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> persist(corpus));
        } finally {
            catalog.refresh();
        }
    }

    private CorpusImport persist(Corpus corpus) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        corpus.languages().forEach(em::persist);
        corpus.topics().forEach(em::persist);
        corpus.speakers().forEach(speaker -> {
            speaker.indexNames();
            em.persist(speaker);
        });
        corpus.sources().forEach(em::persist);
        corpus.meetings().forEach(em::persist);
        corpus.quotes().forEach(quote -> {
            quote.updatedAt = now;
            em.persist(quote);
        });
        CorpusImport record = new CorpusImport();
        record.annotationsSha256 = corpus.annotationsSha256();
        record.quotes = corpus.quotes().size();
        record.variants = corpus.variantCount();
        record.importedAt = now;
        em.persist(record);
        em.flush();
        LOG.infof("Imported corpus from %s: %d languages, %d topics, %d speakers, %d sources, %d meetings, %d quotes, %d variants",
                config.dir(), corpus.languages().size(), corpus.topics().size(), corpus.speakers().size(), corpus.sources().size(),
                corpus.meetings().size(), record.quotes, record.variants);
        return record;
    }
}
