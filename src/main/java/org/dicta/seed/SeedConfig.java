package org.dicta.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Which corpus start-up loads into an empty database, and whether it loads one. */
@ConfigMapping(prefix = "dicta.seed")
public interface SeedConfig {

    /**
     * Directory holding {@code annotations.yaml} and the source documents it names; unset, the curated corpus packaged
     * in the application (the repository's {@code seeds/}).
     */
    Optional<Path> dir();

    /** Load the corpus into an empty database at start-up. */
    @WithDefault("true")
    boolean enabled();

    /** Longest an import may take, as one transaction (a million variants take minutes). */
    @WithDefault("1h")
    Duration timeout();

    /** The files of the corpus to load: those in {@link #dir()} when it is set, else the packaged corpus. */
    default CorpusFiles corpus() {
        return dir().map(CorpusFiles::directory).orElseGet(CorpusFiles::packaged);
    }
}
