package org.dicta.language;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/** The ordered list of supported language codes, read once from the database and kept in memory. */
@ApplicationScoped
public class LanguageCatalog {

    /** English names by code, in catalogue order; null until first needed. */
    private volatile Map<String, String> names;

    /** Supported codes in catalogue order. */
    public List<String> codes() {
        return List.copyOf(names().keySet());
    }

    /** The English name of each supported language, by code, in catalogue order. */
    public Map<String, String> names() {
        Map<String, String> loaded = names;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) { // a load and a refresh never interleave, so a refresh is never lost
            if (names == null) {
                Map<String, String> read = new LinkedHashMap<>();
                Language.listInOrder().forEach(language -> read.put(language.code, language.englishName));
                names = Collections.unmodifiableMap(read);
            }
            return names;
        }
    }

    /** Forgets the cached catalogue, e.g. after an import added languages. */
    public synchronized void refresh() {
        names = null;
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
