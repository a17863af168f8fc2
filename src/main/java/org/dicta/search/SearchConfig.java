package org.dicta.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where the full-text index lives. */
@ConfigMapping(prefix = "dicta.search")
public interface SearchConfig {

    /** Directory of the Lucene index; without one, the index is kept in memory and rebuilt at each start. */
    Optional<Path> indexDir();

    /** Hits read per round when walking search results in date order. */
    @WithDefault("256")
    int batchSize();
}
