package org.dicta.quote;

import org.dicta.web.LanguageChoice;

/**
 * The attribution line of a variant, ready to paste under a quote: who, where, when, reported by whom in which
 * language, and the ids to find it again. Names and titles are in the language served (English when every language
 * is), so the line reads in the language of the response around it.
 */
public final class Citation {

    private Citation() {
    }

    public static String of(QuoteRecord quote, QuoteRecord.Variant variant, LanguageChoice language) {
        StringBuilder line = new StringBuilder();
        line.append(language.best(quote.speaker().names()).orElse(quote.speaker().id()));
        line.append(", ").append(language.best(quote.meeting().titles()).orElse(quote.meeting().id()));
        line.append(", ").append(quote.meeting().date() == null ? "undated" : quote.meeting().date().toString());
        line.append("; reported in ").append(language.englishName(variant.lang()));
        line.append(" by ").append(variant.source().publisher() != null ? variant.source().publisher()
                : "source " + variant.source().id());
        if (variant.source().headline() != null) {
            line.append(", \"").append(variant.source().headline()).append('"');
        }
        if (variant.source().date() != null) {
            line.append(" (").append(variant.source().date()).append(')');
        }
        line.append(", Dicta quote ").append(quote.id()).append(", variant ").append(variant.id()).append('.');
        return line.toString();
    }
}
