package org.dicta.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The serialised bytes of recent quote reads, so that a repeated read costs a lookup instead of queries and JSON
 * writing. Any change to any quote empties it: an entry is served only while no change has been applied since it was
 * made (its generation is current), so that a reader never sees a quote older than the last write it was told of.
 */
@ApplicationScoped
public class ResponseCache {

    /** A stored response: always a 200, with the headers that describe the body (never Cache-Control). */
    public record Entry(long generation, String contentType, List<Map.Entry<String, String>> headers, byte[] body, String etag) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Entry> entries;
    private final boolean enabled;

    ResponseCache(ApiConfig config) {
        long bytes = config.responseCacheSize().asLongValue();
        enabled = bytes > 0;
        entries = Caffeine.newBuilder()
                .maximumWeight(Math.max(bytes, 1))
                .<String, Entry>weigher((key, entry) -> key.length() * 2 + entry.body().length + 256)
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The current generation: read it before reading the database, and store what was read under it. */
    public long generation() {
        return generation.get();
    }

    /** The entry for this key, if it was made since the last change. */
    public Entry get(String key) {
        Entry entry = entries.getIfPresent(key);
        return entry != null && entry.generation() == generation.get() ? entry : null;
    }

    /** Keeps an entry unless a change was applied since its generation began (then it may be stale already). */
    public void put(String key, Entry entry) {
        if (enabled && entry.generation() == generation.get()) {
            entries.put(key, entry);
        }
    }

    /** Called once a change is committed, before the writer is answered: every entry is stale from now on. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** Number of entries, for tests and metrics. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
