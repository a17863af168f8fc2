package org.dicta.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the curated corpus lives and whether start-up loads it. */
@ConfigMapping(prefix = "dicta.seed")
public interface SeedConfig {

    /** Directory holding {@code annotations.yaml} and the source documents it names. */
    @WithDefault("seeds")
    Path dir();

    /** Load the corpus into an empty database at start-up. */
    @WithDefault("true")
    boolean enabled();

    /** Longest an import may take, as one transaction (a million variants take minutes). */
    @WithDefault("1h")
    java.time.Duration timeout();
}
