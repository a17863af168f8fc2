package org.dicta.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.text.Normalizer;
import java.util.List;
import org.dicta.language.Language;
import org.dicta.language.LanguageCatalog;
import org.dicta.domain.Violation;

/** The checks every editor makes of texts it is given: a supported language, and Unicode NFC. */
@ApplicationScoped
public class InputChecks {

    private final EntityManager em;
    private final LanguageCatalog catalog;

    InputChecks(EntityManager em, LanguageCatalog catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    /** The language must be stored, checked in the current transaction (an import may have just added it). */
    public void language(String field, String lang, List<Violation> violations) {
        if (em.find(Language.class, lang) == null) {
            violations.add(new Violation(field, "language '" + lang + "' is not one of " + catalog.codes()));
        }
    }

    /** An absent value passes; a present one must be in Unicode NFC. */
    public void nfc(String field, String value, List<Violation> violations) {
        if (value != null && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            violations.add(new Violation(field, "is not in Unicode NFC; normalise it before sending: Dicta stores "
                    + "and serves texts byte for byte, and spans and search must not depend on how a client composed them"));
        }
    }

    /** A text in a language: both checks. */
    public void text(String field, String lang, String text, List<Violation> violations) {
        language(field, lang, violations);
        nfc(field, text, violations);
    }
}
