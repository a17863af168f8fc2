package org.dicta.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicta.language.Language;
import org.dicta.meeting.Meeting;
import org.dicta.quote.Quote;
import org.dicta.source.Source;
import org.dicta.speaker.Speaker;
import org.dicta.topic.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader as a stream: entries are handed on while the file is still being read, a chunk of quotes at a time, and
 * nothing after the first error; the result is the same as loading the corpus whole.
 */
class CorpusStreamTest {

    @TempDir
    static Path work;

    /** A generated corpus of 1 200 quotes: a full chunk and part of a second. */
    private static Path generated;

    @TempDir
    Path dir;

    private static String annotations;

    @BeforeAll
    static void generate() throws IOException {
        generated = work.resolve("corpus");
        int exit = CorpusGenerator.run(new String[] {"--variants", "3000", "--out", generated.toString()}, System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        annotations = Files.readString(generated.resolve(CorpusLoader.ANNOTATIONS));
    }

    @Test
    void handsQuotesOnAChunkAtATimeAndAgreesWithALoadOfTheWhole() {
        Recorder recorder = new Recorder();
        CorpusLoader.Summary summary = CorpusLoader.stream(CorpusFiles.directory(generated), CorpusLoader.Existing.NONE,
                recorder);
        Corpus whole = CorpusLoader.load(generated);

        assertThat(recorder.chunks).containsExactly(1000, 200);
        assertThat(summary.quotes()).isEqualTo(1200).isEqualTo(whole.quotes().size());
        assertThat(summary.variants()).isEqualTo(whole.variantCount());
        assertThat(summary.sources()).isEqualTo(whole.sources().size()).isEqualTo(recorder.sources.size());
        assertThat(summary.meetings()).isEqualTo(whole.meetings().size()).isEqualTo(recorder.meetings.size());
        assertThat(summary.annotationsSha256()).isEqualTo(whole.annotationsSha256())
                .isEqualTo(CorpusLoader.sha256(annotations.getBytes(StandardCharsets.UTF_8)));
        // The same quotes, the same spans, pointing at the sink's own sources and meetings.
        Map<String, Quote> loaded = whole.quotes().stream().collect(Collectors.toMap(quote -> quote.id, quote -> quote));
        for (Quote quote : recorder.quotes) {
            Quote same = loaded.get(quote.id);
            assertThat(quote.meeting).isSameAs(recorder.meetings.get(same.meeting.id));
            assertThat(quote.sortDate).isEqualTo(same.sortDate);
            assertThat(quote.variants).hasSameSizeAs(same.variants);
            for (int i = 0; i < quote.variants.size(); i++) {
                assertThat(quote.variants.get(i).source).isSameAs(recorder.sources.get(same.variants.get(i).source.id));
                assertThat(quote.variants.get(i).spanStart).isEqualTo(same.variants.get(i).spanStart);
                assertThat(quote.variants.get(i).spanEnd).isEqualTo(same.variants.get(i).spanEnd);
                assertThat(quote.variants.get(i).text).isEqualTo(same.variants.get(i).text);
            }
        }
    }

    @Test
    void entriesAreHandedOnBeforeTheEndOfTheFileIsRead() throws IOException {
        // The file's last line is not YAML: a loader that parsed the whole file first would hand on nothing.
        copy(annotations + "  - id: [unclosed\n");
        Recorder recorder = new Recorder();

        assertThatThrownBy(() -> CorpusLoader.stream(CorpusFiles.directory(dir), CorpusLoader.Existing.NONE, recorder))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("not a valid annotation file (line ");
        assertThat(recorder.quotes).hasSize(1000);
        assertThat(recorder.chunks).containsExactly(1000);
    }

    @Test
    void nothingIsHandedOnOnceAnErrorIsFoundButTheRestIsStillChecked() throws IOException {
        String quote = "- id: q12-3\n  speaker: ";
        String late = "- id: q55-5\n  speaker: ";
        assertThat(annotations).contains(quote + "speaker-", late + "speaker-");
        copy(annotations.replace(quote + "speaker-", quote + "nobody-at-all-").replace(late + "speaker-", late + "ghost-"));
        Recorder recorder = new Recorder();

        assertThatThrownBy(() -> CorpusLoader.stream(CorpusFiles.directory(dir), CorpusLoader.Existing.NONE, recorder))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("(q12-3): speaker names unknown speaker 'nobody-at-all-")
                .hasMessageContaining("(q55-5): speaker names unknown speaker 'ghost-");
        assertThat(recorder.quotes).isEmpty();
        assertThat(recorder.meetings).hasSize(60);
    }

    @Test
    void findsADuplicateOfAQuoteOfAnEarlierChunk() throws IOException {
        String first = annotations.substring(annotations.indexOf("- id: q0-0\n"), annotations.indexOf("- id: q0-1\n"));
        copy(annotations + first);

        assertThatThrownBy(() -> CorpusLoader.load(dir))
                .hasMessageContaining("quotes[1200] (q0-0): duplicate quote id 'q0-0'");
    }

    @Test
    void quotesListedBeforeTheirMeetingsAndSourcesAreReadWhole() throws IOException {
        int quotes = annotations.indexOf("\nquotes:\n");
        copy(annotations.substring(quotes + 1) + annotations.substring(0, quotes + 1));

        Corpus corpus = CorpusLoader.load(dir);
        assertThat(corpus.quotes()).hasSize(1200);
        assertThat(corpus.variantCount()).isEqualTo(CorpusLoader.load(generated).variantCount());
    }

    @Test
    void refusesASectionTwiceAndASectionThatIsNotAList() throws IOException {
        copy(annotations + "topics:\n- id: again\n  labels: {en: again}\n");
        assertThatThrownBy(() -> CorpusLoader.load(dir)).hasMessageContaining("top level: the section 'topics' appears twice");

        copy("languages: 4\n");
        assertThatThrownBy(() -> CorpusLoader.load(dir)).hasMessageContaining("languages must be a list of entries");

        copy("- just a list\n");
        assertThatThrownBy(() -> CorpusLoader.load(dir)).hasMessageContaining("the top level must be a mapping of [languages");

        copy("# nothing but a comment\n");
        assertThatThrownBy(() -> CorpusLoader.load(dir)).hasMessageContaining("the file is empty");
    }

    private void copy(String content) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        try (var files = Files.list(generated.resolve("sources"))) {
            for (Path file : files.toList()) {
                Path target = dir.resolve("sources").resolve(file.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(dir.resolve(CorpusLoader.ANNOTATIONS), content);
    }

    /** A sink that keeps what it is given, as a writer would, and answers references with its own objects. */
    private static final class Recorder implements CorpusLoader.Sink {
        final List<Integer> chunks = new ArrayList<>();
        final List<Quote> quotes = new ArrayList<>();
        final Map<String, Source> sources = new HashMap<>();
        final Map<String, Meeting> meetings = new HashMap<>();
        final Set<String> quoteIds = new HashSet<>();

        @Override
        public void language(Language language) {
        }

        @Override
        public void topic(Topic topic) {
        }

        @Override
        public void speaker(Speaker speaker) {
        }

        @Override
        public void source(Source source) {
            sources.put(source.id, source);
        }

        @Override
        public void meeting(Meeting meeting) {
            meetings.put(meeting.id, meeting);
        }

        @Override
        public void quotes(List<Quote> chunk) {
            chunks.add(chunk.size());
            quotes.addAll(chunk);
            chunk.forEach(quote -> quoteIds.add(quote.id));
        }

        @Override
        public Set<String> taken(Collection<String> ids) {
            return ids.stream().filter(quoteIds::contains).collect(Collectors.toSet());
        }

        @Override
        public <T> T reference(Class<T> type, String id) {
            return type.cast(type == Source.class ? sources.get(id) : meetings.get(id));
        }
    }
}
