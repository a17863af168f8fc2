package org.dicta.web;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages Dicta serves, as language negotiation and parameter checks need them. The language catalogue provides
 * them; the web layer asks through this interface and knows no feature.
 */
public interface SupportedLanguages {

    /** Supported codes in catalogue order. */
    List<String> codes();

    /** The English name of each supported language, by code, in catalogue order. */
    Map<String, String> names();

    /** The supported code a client's BCP 47 tag designates ({@code fa-IR} designates {@code fa}), if any. */
    Optional<String> resolve(String tag);

    /** Whether a string is a well-formed BCP 47 language tag. */
    static boolean isWellFormed(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag().equalsIgnoreCase(tag);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
