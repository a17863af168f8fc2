package org.dicta.seed;

import java.util.ArrayList;
import java.util.List;
import org.dicta.history.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, entity by entity. */
@Schema(name = "ImportReport", description = "What an import did to each kind of resource, by id.",
        example = "{\"languages\": {\"created\": [], \"updated\": [], \"unchanged\": [\"ar\", \"fa\", \"en\", \"ur\"]}, "
                + "\"topics\": {\"created\": [], \"updated\": [\"trade\"], \"unchanged\": [\"sanctions\"]}, "
                + "\"speakers\": {\"created\": [], \"updated\": [], \"unchanged\": [\"ali-khamenei\", \"alexander-lukashenko\"]}, "
                + "\"sources\": {\"created\": [\"005_tehran_times\"], \"updated\": [], \"unchanged\": [\"002_fcbcff514eaca929\"]}, "
                + "\"meetings\": {\"created\": [], \"updated\": [\"2023-03-13-leader-receives-lukashenko\"], \"unchanged\": []}, "
                + "\"quotes\": {\"created\": [\"khamenei-north-south-corridor\"], \"updated\": [], "
                + "\"unchanged\": [\"khamenei-neutralise-sanctions-weapon\"]}}")
public record ImportReport(
        @Schema(required = true) Changes languages,
        @Schema(required = true) Changes topics,
        @Schema(required = true) Changes speakers,
        @Schema(required = true) Changes sources,
        @Schema(required = true) Changes meetings,
        @Schema(required = true) Changes quotes) {

    /** The ids of one kind of resource, by what happened to them. */
    @Schema(name = "ImportChanges", description = "Ids created, updated and left unchanged.")
    public record Changes(
            @Schema(required = true, example = "[\"005_tehran_times\"]") List<String> created,
            @Schema(required = true, example = "[]") List<String> updated,
            @Schema(required = true, example = "[\"002_fcbcff514eaca929\"]") List<String> unchanged) {

        static Changes empty() {
            return new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(String id, Outcome outcome) {
            (switch (outcome) {
                case CREATED -> created;
                case UPDATED -> updated;
                case UNCHANGED -> unchanged;
            }).add(id);
        }
    }

    static ImportReport empty() {
        return new ImportReport(Changes.empty(), Changes.empty(), Changes.empty(), Changes.empty(), Changes.empty(),
                Changes.empty());
    }
}
