package org.dicta.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public API: paging bounds, language fallback and caching. */
@ConfigMapping(prefix = "dicta.api")
public interface ApiConfig {

    /** Page size when a client gives no {@code limit}. */
    @WithDefault("20")
    int defaultLimit();

    /** Largest {@code limit} a client may ask for. */
    @WithDefault("100")
    int maxLimit();

    /** Language served when the one a client asked for is missing, before catalogue order. */
    @WithDefault("en")
    String fallbackLanguage();

    /** Quotes read per round by the NDJSON and CSV exports, which stream without paging. */
    @WithDefault("200")
    int exportBatchSize();

    /**
     * How long browsers and shared caches (a CDN) may serve a read without asking again. 0, the default: they may store
     * it but must revalidate it (a cheap 304 with its ETag), so that a correction is seen at once.
     */
    @WithDefault("0s")
    java.time.Duration cacheMaxAge();

    /**
     * Memory for the serialised bytes of recent quote reads (by id, lists, searches and revisions), served again until
     * any quote changes. 0 turns the cache off.
     */
    @WithDefault("32M")
    io.quarkus.runtime.configuration.MemorySize responseCacheSize();

    /**
     * Whether other processes write to the database, so that a cached read must first read the change feed. Without
     * it: no for an embedded H2 database (file or memory, no AUTO_SERVER), which no other process can open; yes
     * otherwise.
     */
    java.util.Optional<Boolean> sharedDatabase();

    /** NDJSON and CSV exports written at once; more are answered 503 with Retry-After. */
    @WithDefault("4")
    int maxConcurrentExports();

    /** Longest URL (path and query) accepted; longer ones are answered 414. */
    @WithDefault("8192")
    int maxUrlLength();

    /** Which web pages, by origin, may use the API from a browser. */
    Cors cors();

    interface Cors {

        /** Origins whose pages may read (GET, HEAD); {@code *}, the default, means any page. */
        @WithDefault("*")
        java.util.List<String> readOrigins();

        /** Origins whose pages may also write (POST, PUT, PATCH, DELETE) with an editor's token; none by default. */
        java.util.Optional<java.util.List<String>> writeOrigins();

        /** How long a browser may keep a preflight's answer. */
        @WithDefault("1h")
        java.time.Duration maxAge();
    }
}
