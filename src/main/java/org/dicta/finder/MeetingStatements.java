package org.dicta.finder;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The statements proposed for one meeting, from every report of it. */
@Schema(name = "MeetingStatements", description = "The statements the finder proposes for a meeting: every candidate of every "
        + "source of the meeting in exactly one statement. Nothing is stored.")
public record MeetingStatements(
        @Schema(required = true, example = "2023-03-13-leader-receives-lukashenko") String meeting,
        @Schema(required = true, description = "The meeting's sources as the finder read them, in id order.")
        List<ReportCandidates> reports,
        @Schema(required = true, description = "Proposed statements, in the order the reports tell them.")
        List<ProposedStatement> statements) {
}
