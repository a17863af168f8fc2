package org.dicta.language;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The ordered list of supported language codes, read once from the database and kept in memory. */
@ApplicationScoped
public class LanguageCatalog {

    private volatile List<String> codes;

    /** Supported codes in catalogue order. */
    public List<String> codes() {
        List<String> loaded = codes;
        if (loaded == null) {
            loaded = Language.listInOrder().stream().map(language -> language.code).toList();
            codes = loaded;
        }
        return loaded;
    }

    /** Forgets the cached list, e.g. after an import added languages. */
    public void refresh() {
        codes = null;
    }

    /**
     * The supported code a client's BCP 47 tag designates: the code itself, compared without regard to case,
     * or else its primary language subtag ({@code fa-IR} designates {@code fa}), as RFC 4647 lookup does.
     */
    public Optional<String> resolve(String tag) {
        String wanted = tag.toLowerCase(Locale.ROOT);
        List<String> supported = codes();
        for (String code : supported) {
            if (code.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(code);
            }
        }
        int dash = wanted.indexOf('-');
        if (dash > 0) {
            return resolve(wanted.substring(0, dash));
        }
        return Optional.empty();
    }

    /** Whether a string is a well-formed BCP 47 language tag. */
    public static boolean isWellFormed(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag().equalsIgnoreCase(tag);
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
    }
}
