package org.dicta.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.history.VersionedEditor;
import org.dicta.source.Source;
import org.dicta.speaker.Speaker;
import org.dicta.domain.Violation;
import org.dicta.domain.DomainException;

/** Editors' changes to meetings; a new date moves the meeting's quotes in "newest first" order and in search. */
@ApplicationScoped
public class MeetingEditor extends VersionedEditor<Meeting, MeetingInput> {

    public static final String KIND = "meeting";

    private final MeetingCitations citations;

    MeetingEditor(MeetingCitations citations) {
        this.citations = citations;
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected Class<Meeting> entityType() {
        return Meeting.class;
    }

    @Override
    protected Class<MeetingInput> inputType() {
        return MeetingInput.class;
    }

    @Override
    protected Meeting newEntity(String id) {
        Meeting meeting = new Meeting();
        meeting.id = id;
        return meeting;
    }

    @Override
    protected String idOf(MeetingInput input) {
        return input.id();
    }

    @Override
    protected String reasonOf(MeetingInput input) {
        return input.reason();
    }

    @Override
    protected long versionOf(Meeting meeting) {
        return meeting.version;
    }

    @Override
    protected MeetingInput stateOf(Meeting meeting) {
        return MeetingInput.of(meeting);
    }

    @Override
    protected void apply(Meeting meeting, MeetingInput input) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> places = input.places() == null ? Map.of() : input.places();
        input.titles().forEach((lang, title) -> checks.text("titles." + lang, lang, title, violations));
        places.forEach((lang, place) -> checks.text("places." + lang, lang, place, violations));
        places.keySet().stream().filter(lang -> !input.titles().containsKey(lang)).forEach(lang ->
                violations.add(new Violation("places." + lang, "has no title in titles." + lang)));
        List<Participant> participants = new ArrayList<>();
        Set<String> present = new HashSet<>();
        List<MeetingInput.Participant> given = input.participants() == null ? List.of() : input.participants();
        for (int i = 0; i < given.size(); i++) {
            Speaker speaker = em.find(Speaker.class, given.get(i).speaker());
            if (speaker == null) {
                violations.add(new Violation("participants[" + i + "].speaker",
                        "there is no speaker with id '" + given.get(i).speaker() + "'"));
            } else if (!present.add(speaker.id)) {
                violations.add(new Violation("participants[" + i + "].speaker", "is listed twice"));
            } else {
                participants.add(new Participant(speaker, given.get(i).role()));
            }
        }
        List<Source> sources = new ArrayList<>();
        List<String> sourceIds = input.sources() == null ? List.of() : input.sources();
        for (int i = 0; i < sourceIds.size(); i++) {
            Source source = em.find(Source.class, sourceIds.get(i));
            if (source == null) {
                violations.add(new Violation("sources[" + i + "]", "there is no source with id '" + sourceIds.get(i) + "'"));
            } else if (!sources.contains(source)) {
                sources.add(source);
            }
        }
        if (meeting.id != null && em.contains(meeting)) {
            citations.sourcesCitedAt(meeting.id).stream().filter(id -> sources.stream().noneMatch(source -> source.id.equals(id))).forEach(id ->
                    violations.add(new Violation("sources", "must keep '" + id + "': quotes of this meeting cite it")));
        }
        if (!violations.isEmpty()) {
            throw DomainException.unprocessable(violations);
        }
        meeting.date = input.date();
        meeting.labels.clear();
        input.titles().forEach((lang, title) -> meeting.labels.put(lang, new MeetingLabel(title, places.get(lang))));
        meeting.participants.clear();
        meeting.participants.addAll(participants);
        meeting.sources.clear();
        meeting.sources.addAll(sources);
    }
}
