package org.dicta.speaker;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dicta.history.VersionedEditor;
import org.dicta.quote.Quote;
import org.dicta.quote.QuoteChanged;
import org.dicta.web.Problem;
import org.dicta.web.ProblemException;

/** Admins' changes to speakers: who they are, how they are named in each language, and how the sources spell them. */
@ApplicationScoped
public class SpeakerEditor extends VersionedEditor<Speaker, SpeakerInput> {

    public static final String KIND = "speaker";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final jakarta.enterprise.event.Event<QuoteChanged> quoteChanged;

    SpeakerEditor(jakarta.enterprise.event.Event<QuoteChanged> quoteChanged) {
        this.quoteChanged = quoteChanged;
    }

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
        List<Problem.Violation> violations = new ArrayList<>();
        if (input.country() != null && !COUNTRIES.contains(input.country())) {
            violations.add(new Problem.Violation("country", "'" + input.country() + "' is not an ISO 3166-1 alpha-2 code"));
        }
        input.names().forEach((lang, name) -> checks.text("names." + lang, lang, name, violations));
        if (input.titles() != null) {
            input.titles().forEach((lang, title) -> checks.text("titles." + lang, lang, title, violations));
        }
        if (input.titles() != null) {
            input.titles().keySet().stream().filter(lang -> !input.names().containsKey(lang)).forEach(lang ->
                    violations.add(new Problem.Violation("titles." + lang, "has no name in names." + lang)));
        }
        List<SpeakerInput.Alias> aliases = input.aliases() == null ? List.of() : input.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            checks.text("aliases[" + i + "]", aliases.get(i).lang(), aliases.get(i).name(), violations);
            if (aliases.subList(0, i).contains(aliases.get(i))) {
                violations.add(new Problem.Violation("aliases[" + i + "]", "repeats an earlier alias"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
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

    /** Quotes show their speaker's names: a renamed speaker changes them for clients that sync, and in the index. */
    @Override
    protected void changed(Speaker speaker) {
        QuoteChanged.touch(em.createQuery("select q from Quote q where q.speaker.id = :id", Quote.class)
                .setParameter("id", speaker.id).getResultList(), quoteChanged);
    }

    @Override
    protected Object comparable(SpeakerInput input) {
        return input.canonical();
    }

    @Override
    protected Optional<String> deletionBlocker(String id) {
        long quotes = em.createQuery("select count(q) from Quote q where q.speaker.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        long meetings = em.createQuery("select count(m) from Meeting m join m.participants p where p.speaker.id = :id",
                Long.class).setParameter("id", id).getSingleResult();
        return quotes + meetings == 0 ? Optional.empty()
                : Optional.of(quotes + " quotes are attributed to the speaker and " + meetings + " meetings list them.");
    }
}
