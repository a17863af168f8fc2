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
 * The languages a request prefers, from {@code lang} or {@code Accept-Language}, how to fall back when a text is
 * missing in them, and which languages were actually served (for {@code Content-Language}).
 *
 * <p>Fallback order: the preferred languages in the client's order, then the configured fallback language, then
 * catalogue order. Without a preference, every language is served, in catalogue order.
 */
public final class LanguageChoice {

    private final String filter;
    private final boolean allLanguages;
    private final boolean dependsOnAcceptLanguage;
    private final List<String> order;
    private final Map<String, String> names;
    private final Set<String> served = new LinkedHashSet<>();

    private LanguageChoice(String filter, boolean allLanguages, boolean dependsOnAcceptLanguage, List<String> preferred,
            String fallback, Map<String, String> catalogue) {
        this.filter = filter;
        this.allLanguages = allLanguages;
        this.dependsOnAcceptLanguage = dependsOnAcceptLanguage;
        this.names = catalogue;
        List<String> fallbackOrder = new ArrayList<>(preferred);
        if (catalogue.containsKey(fallback) && !fallbackOrder.contains(fallback)) {
            fallbackOrder.add(fallback);
        }
        catalogue.keySet().stream().filter(code -> !fallbackOrder.contains(code)).forEach(fallbackOrder::add);
        this.order = List.copyOf(fallbackOrder);
    }

    /**
     * Every language, in catalogue order.
     *
     * @param catalogue English names of the supported languages by code, in catalogue order
     */
    public static LanguageChoice all(Map<String, String> catalogue, String fallback, boolean dependsOnAcceptLanguage) {
        return new LanguageChoice(null, true, dependsOnAcceptLanguage, List.of(), fallback, catalogue);
    }

    /** The language named by {@code lang}: served where it exists, and a filter on lists. */
    public static LanguageChoice explicit(String code, Map<String, String> catalogue, String fallback) {
        return new LanguageChoice(code, false, false, List.of(code), fallback, catalogue);
    }

    /** The languages of {@code Accept-Language}, best first (may be empty: none supported, so the fallback). */
    public static LanguageChoice negotiated(List<String> preferred, Map<String, String> catalogue, String fallback) {
        return new LanguageChoice(null, false, true, preferred, fallback, catalogue);
    }

    /** The English name of a supported language ("Urdu" for ur). */
    public String englishName(String code) {
        return names.getOrDefault(code, code);
    }

    public boolean allLanguages() {
        return allLanguages;
    }

    /** The language given with {@code lang}, which also filters lists; null when none was. */
    public String filter() {
        return filter;
    }

    /** Whether the response depends on the request's Accept-Language header (then it must say {@code Vary}). */
    public boolean dependsOnAcceptLanguage() {
        return dependsOnAcceptLanguage;
    }

    /** A multilingual field: every language in catalogue order, or the single best one when languages are preferred. */
    public <T> Map<String, T> pick(Map<String, T> byLanguage) {
        Map<String, T> picked = new LinkedHashMap<>();
        for (String code : allLanguages ? names.keySet() : order) {
            T value = byLanguage.get(code);
            if (value != null) {
                picked.put(code, value);
                if (!allLanguages) {
                    served.add(code);
                    return picked;
                }
            }
        }
        return picked;
    }

    /** Items in several languages (quote variants): all of them, or those in the best available language. */
    public <T> List<T> pick(List<T> items, Function<T, String> languageOf) {
        if (allLanguages) {
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

    /** The single best value of a multilingual field, even when every language is served (e.g. for a citation line). */
    public <T> Optional<T> best(Map<String, T> byLanguage) {
        return order.stream().map(byLanguage::get).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The value for a Content-Language header: the languages served when some were preferred, in fallback order. */
    public Optional<String> contentLanguage() {
        if (allLanguages || served.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", order.stream().filter(served::contains).toList()));
    }
}
