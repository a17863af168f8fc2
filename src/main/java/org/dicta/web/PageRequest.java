package org.dicta.web;

/**
 * A checked page request: how many items, the key after which the page starts (null for the first page), and the
 * fingerprint of the list's filters that the next page's cursor will carry.
 */
public record PageRequest(int limit, String after, String filterFingerprint) {

    /** Rows a keyset query fetches: one more than the page holds, to tell whether a next page exists. */
    public int rowsToFetch() {
        return limit + 1;
    }
}
