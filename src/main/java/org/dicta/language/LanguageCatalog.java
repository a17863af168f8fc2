package org.dicta.language;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.dicta.web.SupportedLanguages;

/** The ordered list of supported language codes, read once from the database and kept in memory. */
@ApplicationScoped
public class LanguageCatalog implements SupportedLanguages {

    /** English names by code, in catalogue order; null until first needed. */
    private volatile Map<String, String> names;

    /** Supported codes in catalogue order. */
    @Override
    public List<String> codes() {
        return List.copyOf(names().keySet());
    }

    /** The English name of each supported language, by code, in catalogue order. */
    @Override
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
    @Override
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
}
