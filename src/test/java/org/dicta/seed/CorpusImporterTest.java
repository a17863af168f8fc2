package org.dicta.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.dicta.language.Language;
import org.dicta.language.TextDirection;
import org.dicta.meeting.Meeting;
import org.dicta.quote.Quote;
import org.dicta.quote.QuoteVariant;
import org.dicta.source.Source;
import org.dicta.speaker.Speaker;
import org.dicta.speaker.SpeakerKind;
import org.dicta.speaker.SpeakerLabel;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorpusImporterTest {

    @Inject
    CorpusImporter importer;

    @Inject
    jakarta.persistence.EntityManager em;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "dicta.db.kind")
    String databaseKind;

    @Test
    void startUpImportedTheSeedCorpusOnce() {
        assertThat(CorpusImport.<CorpusImport>listAll()).singleElement().satisfies(record -> {
            assertThat(record.quotes).isEqualTo(26);
            assertThat(record.variants).isEqualTo(72);
            assertThat(record.annotationsSha256).isEqualTo(CorpusLoader.load(Path.of("seeds")).annotationsSha256());
        });
    }

    @Test
    void importingAgainAddsNothing() {
        assertThat(importer.importIfEmpty()).isEmpty();
        assertThat(counts()).containsExactly(4L, 4L, 5L, 3L, 26L, 72L, 1L);
    }

    @Test
    void aFailedImportLeavesNothingBehind() {
        Language german = new Language();
        german.code = "de";
        german.englishName = "German";
        german.nativeName = "Deutsch";
        german.direction = TextDirection.LTR;
        german.position = 4;
        Speaker clash = new Speaker(); // same id as a speaker already stored: the insert fails after German was written
        clash.id = "ali-khamenei";
        clash.kind = SpeakerKind.PERSON;
        clash.labels.put("de", new SpeakerLabel("Ali Chamenei", null));
        Corpus corpus = new Corpus("0".repeat(64), List.of(german), List.of(), List.of(clash), List.of(), List.of(), List.of());

        // The second insert (the speaker) hits the primary key of the stored one; German was already written.
        assertThatThrownBy(() -> importer.importCorpus(corpus)).hasRootCauseInstanceOf(java.sql.SQLException.class);

        assertThat(Language.<Language>findByIdOptional("de")).isEmpty();
        assertThat(counts()).containsExactly(4L, 4L, 5L, 3L, 26L, 72L, 1L);
    }

    @Test
    void thePlannerStatisticsDescribeTheImportedCorpus() {
        // PostgreSQL records when a table was last analysed; H2 keeps no such record to read back.
        assumeTrue(databaseKind.equals("postgresql"), "PostgreSQL only: run with -Ppostgres");
        List<?> analysed = em.createNativeQuery("select relname from pg_stat_user_tables where schemaname = current_schema()"
                + " and relname in ('quote', 'quote_variant', 'source') and last_analyze is not null").getResultList();
        assertThat(analysed).hasSize(3);
    }

    private static List<Long> counts() {
        return List.of(Language.count(), Speaker.count(), Source.count(), Meeting.count(), Quote.count(),
                QuoteVariant.count(), CorpusImport.count());
    }
}
