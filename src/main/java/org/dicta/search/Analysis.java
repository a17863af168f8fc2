package org.dicta.search;

import java.util.Set;

/**
 * The two ways texts are analysed. Persian and Urdu write affixes apart from their word (with a ZWNJ, a space or
 * nothing), so their texts join them ({@link DetachedAffixFilter}); other languages must not, or Arabic «في أي»
 * would become one word. Each is indexed in a field of its own, and queries are analysed both ways.
 */
public enum Analysis {
    PLAIN("text_plain", false),
    JOINED("text_joined", true);

    /** Languages whose texts write affixes apart from their word. */
    private static final Set<String> DETACHED_AFFIXES = Set.of("fa", "ur");

    private final String field;
    private final SearchAnalyzer analyzer;

    Analysis(String field, boolean joinAffixes) {
        this.field = field;
        this.analyzer = new SearchAnalyzer(joinAffixes);
    }

    public static Analysis of(String lang) {
        return DETACHED_AFFIXES.contains(lang) ? JOINED : PLAIN;
    }

    public String field() {
        return field;
    }

    public SearchAnalyzer analyzer() {
        return analyzer;
    }
}
