package org.dicta.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource's version as clients name it: {@code "3"}, the strong ETag of its representations (language-specific ones
 * add the language, {@code "3-fa"}, and still name version 3). A change must name the current version.
 */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("\"(\\d+)(?:-[A-Za-z0-9-]+)?\"");

    private Versions() {
    }

    /** The version's tag, {@code "3"}. */
    public static String tag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks the versions a change names (an If-Match list, or {@code *} for any): required, and one of them current.
     *
     * @throws DomainException {@link DomainException.Kind#VERSION_REQUIRED} when none is named,
     *         {@link DomainException.Kind#STALE} when none is current
     */
    public static void requireMatch(String named, long currentVersion) {
        if (named == null || named.isBlank()) {
            throw DomainException.versionRequired(currentVersion);
        }
        if (named.strip().equals("*")) {
            return;
        }
        for (String candidate : named.split(",")) {
            Matcher matcher = TAG.matcher(candidate.strip());
            if (matcher.matches() && matcher.group(1).equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw DomainException.stale(currentVersion);
    }
}
