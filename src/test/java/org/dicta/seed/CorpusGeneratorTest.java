package org.dicta.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated corpus passes every check of the importer, has the size asked for, and is the same every time. */
class CorpusGeneratorTest {

    @TempDir
    Path work;

    @Test
    void writesACorpusTheLoaderAcceptsWithEverySpanFound() throws Exception {
        Path out = work.resolve("corpus");
        assertThat(generate("--variants", "2000", "--out", out.toString())).isZero();

        Corpus corpus = CorpusLoader.load(out);
        long variants = corpus.quotes().stream().mapToLong(quote -> quote.variants.size()).sum();
        assertThat(variants).isBetween(1800L, 2200L);
        assertThat(corpus.quotes()).hasSize(800);
        assertThat(corpus.meetings()).hasSize(40);
        assertThat(corpus.speakers()).hasSize(4);
        assertThat(corpus.languages()).extracting(language -> language.code).containsExactly("ar", "fa", "en", "ur");
        // Every variant points at its own words in its document.
        corpus.quotes().forEach(quote -> quote.variants.forEach(variant ->
                assertThat(variant.source.text.substring(variant.spanStart, variant.spanEnd)).isEqualTo(variant.text)));
    }

    @Test
    void theSameArgumentsGiveTheSameCorpusAndAnotherSeedAnother() throws Exception {
        Path first = work.resolve("first");
        Path second = work.resolve("second");
        Path other = work.resolve("other");
        generate("--variants", "300", "--out", first.toString());
        generate("--variants", "300", "--out", second.toString());
        generate("--variants", "300", "--out", other.toString(), "--seed", "7");
        assertThat(Files.readString(second.resolve("annotations.yaml"))).isEqualTo(Files.readString(first.resolve("annotations.yaml")));
        assertThat(Files.readString(other.resolve("annotations.yaml"))).isNotEqualTo(Files.readString(first.resolve("annotations.yaml")));
    }

    @Test
    void refusesBadArgumentsAndAnOccupiedDirectory() throws Exception {
        assertThat(generate("--variants", "many", "--out", work.toString())).isEqualTo(2);
        assertThat(generate("--out", work.toString())).isEqualTo(2);
        Path out = work.resolve("corpus");
        assertThat(generate("--variants", "10", "--out", out.toString())).isZero();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(CorpusGenerator.run(new String[] {"--variants", "10", "--out", out.toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds a corpus already");
    }

    private static int generate(String... args) {
        return CorpusGenerator.run(args, System.out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
