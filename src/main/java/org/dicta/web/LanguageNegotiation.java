package org.dicta.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.dicta.language.LanguageCatalog;

/** Reads a request's {@code lang} parameter into a {@link LanguageChoice} with the configured fallback. */
@ApplicationScoped
public class LanguageNegotiation {

    private final LanguageCatalog catalog;
    private final ApiConfig config;

    LanguageNegotiation(LanguageCatalog catalog, ApiConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    /** The choice for {@code lang}; an unsupported or malformed tag is recorded as a violation of {@code parameters}. */
    public LanguageChoice read(Parameters parameters, String lang) {
        String code = parameters.language(lang, catalog);
        return LanguageChoice.of(code, config.fallbackLanguage(), catalog.codes());
    }
}
