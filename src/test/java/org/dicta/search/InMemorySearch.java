package org.dicta.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An index in memory (or in a directory) with the default settings, and filters, for tests of the index alone. */
final class InMemorySearch {

    private InMemorySearch() {
    }

    static SearchConfig config() {
        return new Defaults(Optional.empty());
    }

    /** The default settings with the index in this directory. */
    static SearchConfig onDisk(Path dir) {
        return new Defaults(Optional.of(dir));
    }

    /** Variants in this language (null: any), nothing else restricted. */
    static SearchFilter language(String lang) {
        return new LanguageOnly(lang);
    }

    private record LanguageOnly(String lang) implements SearchFilter {

        @Override
        public List<String> speakers() {
            return List.of();
        }

        @Override
        public String meeting() {
            return null;
        }

        @Override
        public List<String> topics() {
            return List.of();
        }

        @Override
        public String variantMode() {
            return null;
        }

        @Override
        public LocalDate from() {
            return null;
        }

        @Override
        public LocalDate to() {
            return null;
        }

        @Override
        public Instant updatedSince() {
            return null;
        }

        @Override
        public boolean includeRetracted() {
            return false;
        }
    }

    private record Defaults(Optional<Path> indexDir) implements SearchConfig {

        @Override
        public int batchSize() {
            return 256;
        }

        @Override
        public Duration commitInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration changeGapTimeout() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration changeRetention() {
            return Duration.ofDays(1);
        }
    }
}
