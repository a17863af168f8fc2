package org.dicta.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The language a request asked for with {@code lang}, how to fall back when a text is missing in it, and which
 * languages were actually served (for {@code Content-Language}).
 *
 * <p>Fallback order: the requested language, then the configured fallback language, then catalogue order.
 * Without {@code lang}, every language is served, in catalogue order.
 */
public final class LanguageChoice {

    private final String requested;
    private final List<String> order;
    private final Set<String> served = new LinkedHashSet<>();

    private LanguageChoice(String requested, List<String> order) {
        this.requested = requested;
        this.order = order;
    }

    public static LanguageChoice of(String requested, String fallback, List<String> catalogue) {
        List<String> order = new ArrayList<>();
        if (requested != null) {
            order.add(requested);
        }
        if (requested != null && catalogue.contains(fallback) && !order.contains(fallback)) {
            order.add(fallback);
        }
        catalogue.stream().filter(code -> !order.contains(code)).forEach(order::add);
        return new LanguageChoice(requested, List.copyOf(order));
    }

    public boolean allLanguages() {
        return requested == null;
    }

    public String requested() {
        return requested;
    }

    /** A multilingual field: every language in catalogue order, or the single best one when a language was asked for. */
    public <T> Map<String, T> pick(Map<String, T> byLanguage) {
        Map<String, T> picked = new LinkedHashMap<>();
        for (String code : order) {
            T value = byLanguage.get(code);
            if (value != null) {
                picked.put(code, value);
                if (!allLanguages()) {
                    served.add(code);
                    return picked;
                }
            }
        }
        return picked;
    }

    /** Items in several languages (quote variants): all of them, or those in the best available language. */
    public <T> List<T> pick(List<T> items, Function<T, String> languageOf) {
        if (allLanguages()) {
            return items;
        }
        for (String code : order) {
            List<T> inLanguage = items.stream().filter(item -> code.equals(languageOf.apply(item))).toList();
            if (!inLanguage.isEmpty()) {
                served.add(code);
                return inLanguage;
            }
        }
        return List.of();
    }

    /** The value for a Content-Language header: the languages served when one was asked for, in fallback order. */
    public Optional<String> contentLanguage() {
        if (allLanguages() || served.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", order.stream().filter(served::contains).toList()));
    }
}
