package org.dicta.speaker;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dicta.history.VersionedEditor;
import org.dicta.domain.Violation;
import org.dicta.domain.DomainException;

/** Admins' changes to speakers: who they are, how they are named in each language, and how the sources spell them. */
@ApplicationScoped
public class SpeakerEditor extends VersionedEditor<Speaker, SpeakerInput> {

    public static final String KIND = "speaker";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected Class<Speaker> entityType() {
        return Speaker.class;
    }

    @Override
    protected Class<SpeakerInput> inputType() {
        return SpeakerInput.class;
    }

    @Override
    protected Speaker newEntity(String id) {
        Speaker speaker = new Speaker();
        speaker.id = id;
        return speaker;
    }

    @Override
    protected String idOf(SpeakerInput input) {
        return input.id();
    }

    @Override
    protected String reasonOf(SpeakerInput input) {
        return input.reason();
    }

    @Override
    protected long versionOf(Speaker speaker) {
        return speaker.version;
    }

    @Override
    protected SpeakerInput stateOf(Speaker speaker) {
        return SpeakerInput.of(speaker);
    }

    @Override
    protected void apply(Speaker speaker, SpeakerInput input) {
        List<Violation> violations = new ArrayList<>();
        if (input.country() != null && !COUNTRIES.contains(input.country())) {
            violations.add(new Violation("country", "'" + input.country() + "' is not an ISO 3166-1 alpha-2 code"));
        }
        input.names().forEach((lang, name) -> checks.text("names." + lang, lang, name, violations));
        if (input.titles() != null) {
            input.titles().forEach((lang, title) -> checks.text("titles." + lang, lang, title, violations));
        }
        if (input.titles() != null) {
            input.titles().keySet().stream().filter(lang -> !input.names().containsKey(lang)).forEach(lang ->
                    violations.add(new Violation("titles." + lang, "has no name in names." + lang)));
        }
        List<SpeakerInput.Alias> aliases = input.aliases() == null ? List.of() : input.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            checks.text("aliases[" + i + "]", aliases.get(i).lang(), aliases.get(i).name(), violations);
            if (aliases.subList(0, i).contains(aliases.get(i))) {
                violations.add(new Violation("aliases[" + i + "]", "repeats an earlier alias"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.unprocessable(violations);
        }
        speaker.kind = input.kind();
        speaker.country = input.country();
        speaker.labels.clear();
        Map<String, String> titles = input.titles() == null ? Map.of() : input.titles();
        input.names().forEach((lang, name) -> speaker.labels.put(lang, new SpeakerLabel(name, titles.get(lang))));
        speaker.aliases.clear();
        aliases.forEach(alias -> speaker.aliases.add(new SpeakerAlias(alias.lang(), alias.name())));
        speaker.indexNames();
    }

    @Override
    protected Object comparable(SpeakerInput input) {
        return input.canonical();
    }
}
