package org.dicta.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the full-text index lives. */
@ConfigMapping(prefix = "dicta.search")
public interface SearchConfig {

    /** Directory of the Lucene index; without one, the index is kept in memory and rebuilt at each start. */
    Optional<Path> indexDir();

    /** Hits read per round when walking search results in date order. */
    @WithDefault("256")
    int batchSize();

    /**
     * How often the index's changes are written to disk. They are searchable at once; after a crash, the changes of
     * the last interval are indexed again from the change feed at start.
     */
    @WithDefault("1s")
    Duration commitInterval();

    /** How often the change feed is read when no search asks for it, so that searches rarely have to index first. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * How long a missing entry of the change feed is waited for: longer than any transaction that writes to it can
     * last. Entries are numbered when written but may commit out of order; one missing for longer was rolled back.
     */
    @WithDefault("10m")
    Duration changeGapTimeout();

    /** How long entries of the change feed are kept; a running instance reads them within {@code pollInterval}. */
    @WithDefault("1d")
    Duration changeRetention();
}
