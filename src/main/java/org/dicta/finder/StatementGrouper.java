package org.dicta.finder;

import java.util.List;

/** Groups the candidates of a meeting's reports into proposed statements, one variant per report at most. (Being written.) */
public final class StatementGrouper {

    /** One report of the meeting, and what the finder found in it. */
    public record Report(String source, String lang, String text, ReportCandidates found) {
    }

    /** A candidate of one report: {@code report} indexes the reports, {@code candidate} that report's items. */
    public record Member(int report, int candidate) {
    }

    /** A proposed statement: its speaker (null when unknown), its members (at most one per report), and a confidence. */
    public record Group(String speaker, List<Member> members, double confidence) {
    }

    private final Catalogue catalogue;

    public StatementGrouper(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every candidate of every report in exactly one group, groups in the order of their first report. */
    public List<Group> group(List<Report> reports) {
        List<Group> groups = new java.util.ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            List<Candidate> items = reports.get(r).found().items();
            for (int c = 0; c < items.size(); c++) {
                SpeakerGuess speaker = items.get(c).speaker();
                groups.add(new Group(speaker == null ? null : speaker.id(), List.of(new Member(r, c)), items.get(c).confidence()));
            }
        }
        return groups;
    }
}
