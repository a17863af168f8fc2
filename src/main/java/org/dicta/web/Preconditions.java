package org.dicta.web;


/**
 * RFC 9110 conditional reads of versioned resources (changes check their If-Match with {@link org.dicta.domain.Versions}). A resource's strong ETag is its version in quotes ({@code "3"});
 * language-specific representations add the language ({@code "3-fa"}), and any ETag of the current version matches.
 */
public final class Preconditions {

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
