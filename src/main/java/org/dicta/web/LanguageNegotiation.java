package org.dicta.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the languages of a response: {@code lang} when given ({@code all} for every language), else the request's
 * {@code Accept-Language} (RFC 9110: q-values, ranges such as {@code fa-IR}, {@code *}), else every language.
 */
@ApplicationScoped
public class LanguageNegotiation {

    /** The {@code lang} value that asks for every language. */
    public static final String ALL = "all";

    private final SupportedLanguages catalog;
    private final ApiConfig config;
    private final HttpHeaders headers;

    LanguageNegotiation(SupportedLanguages catalog, ApiConfig config, HttpHeaders headers) {
        this.catalog = catalog;
        this.config = config;
        this.headers = headers;
    }

    /** Every language, whatever the request asked for (the answer to a write shows the whole resource). */
    public LanguageChoice all() {
        return LanguageChoice.all(catalog.names(), config.fallbackLanguage(), false);
    }

    /** The choice for this request; an unsupported or malformed {@code lang} is recorded as a violation. */
    public LanguageChoice read(Parameters parameters, String lang) {
        Map<String, String> catalogue = catalog.names();
        String fallback = config.fallbackLanguage();
        if (lang != null) {
            if (lang.equalsIgnoreCase(ALL)) {
                return LanguageChoice.all(catalogue, fallback, false);
            }
            String code = parameters.language(lang, catalog);
            return code == null ? LanguageChoice.all(catalogue, fallback, false)
                    : LanguageChoice.explicit(code, catalogue, fallback);
        }
        return preferred(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .map(languages -> LanguageChoice.negotiated(languages, catalogue, fallback))
                .orElseGet(() -> LanguageChoice.all(catalogue, fallback, true));
    }

    /**
     * The supported languages an Accept-Language header prefers, best first; empty when it states no preference (absent,
     * malformed, or only {@code *}). A header whose languages are all unsupported yields an empty list: the fallback.
     */
    Optional<List<String>> preferred(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // RFC 9110 lets a server ignore a header it cannot parse
        }
        if (ranges.isEmpty()) {
            return Optional.empty();
        }
        List<String> preferred = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) { // q=0: "not acceptable"
                catalog.resolve(range.getRange()).ifPresent(refused::add);
            }
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            if (range.getRange().equals("*")) {
                if (preferred.isEmpty() && refused.isEmpty()) {
                    return Optional.empty(); // any language, none preferred: all of them
                }
                // Any other acceptable language, in catalogue order, after the preferred ones.
                catalog.codes().stream().filter(code -> !preferred.contains(code) && !refused.contains(code))
                        .forEach(preferred::add);
                break;
            }
            catalog.resolve(range.getRange()).filter(code -> !preferred.contains(code) && !refused.contains(code))
                    .ifPresent(preferred::add);
        }
        return Optional.of(preferred);
    }
}
