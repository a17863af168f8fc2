package org.dicta.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9110 conditional requests on versioned resources. A resource's strong ETag is its version in quotes ({@code "3"});
 * language-specific representations add the language ({@code "3-fa"}), and any ETag of the current version matches.
 */
public final class Preconditions {

    private static final Pattern ETAG = Pattern.compile("\"(\\d+)(?:-[A-Za-z0-9-]+)?\"");

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static String etag(long version, LanguageChoice language) {
        return "\"" + version + languageSuffix(language) + "\"";
    }

    /**
     * The ETag of a representation that also shows other resources (a quote shows its speaker's names and its meeting):
     * the version, a stamp of the last change of anything it shows, and the language. If-Match looks at the version only.
     */
    public static String etag(long version, long stamp, LanguageChoice language) {
        return "\"" + version + "-t" + Long.toString(stamp, 36) + languageSuffix(language) + "\"";
    }

    private static String languageSuffix(LanguageChoice language) {
        return language.allLanguages() ? ""
                : "-" + language.contentLanguage().map(value -> value.replace(", ", "-")).orElse("none");
    }

    /**
     * Checks {@code If-Match} before a change: it is required (428 without it), and must name the current version (412
     * with the current ETag otherwise). {@code *} matches any existing version.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "/problems/precondition-required", "Precondition required",
                    "Changing this resource needs If-Match with its current ETag (" + etag(currentVersion) + "), so that "
                            + "nobody's change is silently overwritten. GET it first.", null,
                    Map.of("ETag", etag(currentVersion)));
        }
        if (ifMatch.strip().equals("*")) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            Matcher matcher = ETAG.matcher(candidate.strip());
            if (matcher.matches() && matcher.group(1).equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw stale(currentVersion);
    }

    /** 412: someone changed the resource since the client read it. */
    public static ProblemException stale(long currentVersion) {
        return new ProblemException(412, "/problems/precondition-failed", "Precondition failed",
                "The resource changed since you read it; its current ETag is " + etag(currentVersion)
                        + ". GET it again, reapply your change, and send it with the new ETag.", null,
                Map.of("ETag", etag(currentVersion)));
    }

    /** Whether If-None-Match names the representation's ETag (then the answer is 304). */
    public static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
