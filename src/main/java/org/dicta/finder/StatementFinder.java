package org.dicta.finder;

import java.util.List;

/** Reads one report and finds its attributed statements. (Being written.) */
public final class StatementFinder {

    private final Catalogue catalogue;
    private final DateFinder dates = new DateFinder();

    public StatementFinder(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The statements of one report.
     *
     * @param source the source id, or null for a text that is not stored
     * @param lang the report's language (ar, fa, en, ur)
     * @param text the report's text
     * @param participants the speaker ids of the meetings the report is about, hosts first; they break ties
     */
    public ReportCandidates analyse(String source, String lang, String text, List<String> participants) {
        return new ReportCandidates(source, lang, List.of(), dates.find(text), List.of());
    }
}
