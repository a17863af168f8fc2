package org.dicta.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The serialised bytes of recent reads, so that a repeated read costs a lookup instead of queries and JSON writing.
 *
 * <p>Each entry names what it depends on: opaque names that the feature serving the read and the feature recording
 * changes agree on (a quote, the quotes of a speaker, the quotes holding a word). A change invalidates the entries that
 * depend on any name it touches, and no others; an entry that names nothing depends on {@link #ANY_CHANGE}, which every
 * change touches.
 *
 * <p>No reader is served a response older than a change acknowledged before the read began: a change is applied here
 * after it commits and before its writer is answered, and an entry whose read began before a change it depends on was
 * applied is never stored (its bytes may predate the change).
 */
@ApplicationScoped
public class ResponseCache {

    /** What an entry that names no dependency depends on: every change touches it. */
    public static final String ANY_CHANGE = "*";
    /** Names of recent changes remembered for the check of late stores; past this, all are forgotten at once. */
    private static final int REMEMBERED = 50_000;

    /** A stored response: always a 200, with the headers that describe the body (never Cache-Control). */
    public record Entry(long generation, String contentType, List<Map.Entry<String, String>> headers, byte[] body, String etag) {
    }

    /** An entry as held, with what it depends on; equal only to itself, so that a newer one under its key is kept. */
    private static final class Stored {
        final String key;
        final Entry entry;
        final Set<String> dependencies;

        Stored(String key, Entry entry, Set<String> dependencies) {
            this.key = key;
            this.entry = entry;
            this.dependencies = dependencies;
        }
    }

    /** Counts applied changes; a read notes it before it reads the database. */
    private final AtomicLong clock = new AtomicLong();
    /** For each name touched by a recent change, the clock when it last was. */
    private final Map<String, Long> touchedAt = new ConcurrentHashMap<>();
    /** Reads that began before this were made before a change that is no longer remembered: never stored. */
    private volatile long forgottenBefore;
    /** The entries that depend on each name. */
    private final Map<String, Set<Stored>> dependents = new ConcurrentHashMap<>();
    private final Cache<String, Stored> entries;
    private final boolean enabled;

    ResponseCache(ApiConfig config) {
        long bytes = config.responseCacheSize().asLongValue();
        enabled = bytes > 0;
        entries = Caffeine.newBuilder()
                .maximumWeight(Math.max(bytes, 1))
                .<String, Stored>weigher((key, stored) -> key.length() * 2 + stored.entry.body().length + 256)
                .executor(Runnable::run)
                .<String, Stored>removalListener((key, stored, cause) -> {
                    if (stored != null) {
                        forget(stored);
                    }
                })
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The current generation: read it before reading the database, and store what was read under it. */
    public long generation() {
        return clock.get();
    }

    /** The entry for this key, if there is one: every entry held is current. */
    public Entry get(String key) {
        Stored stored = entries.getIfPresent(key);
        return stored == null ? null : stored.entry;
    }

    /**
     * Whether a response is held for this request target (raw path and query), as sent with these headers: for tests.
     */
    public boolean holds(String target, java.util.function.UnaryOperator<String> headers) {
        return entries.getIfPresent(CacheKey.of(target, headers)) != null;
    }

    /**
     * Keeps an entry unless a change to something it depends on was applied since its generation began (then its bytes
     * may be stale already).
     *
     * @param dependencies what the response shows; empty: it may show anything
     */
    public void put(String key, Entry entry, Set<String> dependencies) {
        Set<String> on = dependencies.isEmpty() ? Set.of(ANY_CHANGE) : Set.copyOf(dependencies);
        if (!enabled || outdated(entry.generation(), on)) {
            return;
        }
        Stored stored = new Stored(key, entry, on);
        for (String name : on) {
            dependents.compute(name, (n, held) -> {
                Set<Stored> all = held == null ? ConcurrentHashMap.newKeySet() : held;
                all.add(stored);
                return all;
            });
        }
        entries.put(key, stored);
        // A change applied meanwhile may have looked for this key before it was registered: look again.
        if (outdated(entry.generation(), on)) {
            entries.asMap().remove(key, stored);
        }
    }

    /** Whether a change touching any of these names was applied after the generation began. */
    private boolean outdated(long generation, Set<String> on) {
        for (String name : on) {
            if (touchedAt.getOrDefault(name, 0L) > generation) {
                return true;
            }
        }
        // Read after the names: a change that forgot them had already moved the floor.
        return forgottenBefore > generation;
    }

    /**
     * Called once a change is committed, before the writer is answered: the entries that depend on any of these names
     * (and those that may show anything) are stale from now on.
     */
    public synchronized void invalidate(Collection<String> touched) {
        long now = clock.incrementAndGet();
        touchedAt.put(ANY_CHANGE, now);
        for (String name : touched) {
            touchedAt.put(name, now);
        }
        drop(ANY_CHANGE);
        touched.forEach(this::drop);
        if (touchedAt.size() > REMEMBERED) {
            forgottenBefore = now;
            touchedAt.clear();
        }
    }

    /** Every entry is stale from now on (a change whose reach is not known). */
    public synchronized void invalidateAll() {
        long now = clock.incrementAndGet();
        forgottenBefore = now;
        touchedAt.clear();
        entries.invalidateAll();
    }

    private void drop(String name) {
        Set<Stored> held = dependents.remove(name);
        if (held != null) {
            held.forEach(stored -> entries.asMap().remove(stored.key, stored));
        }
    }

    /** An entry left the cache: it no longer needs finding by what it depends on. */
    private void forget(Stored stored) {
        for (String name : stored.dependencies) {
            dependents.computeIfPresent(name, (n, held) -> {
                held.remove(stored);
                return held.isEmpty() ? null : held;
            });
        }
    }

    /** Number of entries, for tests and metrics. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
