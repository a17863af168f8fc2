package org.dicta.finder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicta.speaker.Speaker;
import org.dicta.speaker.SpeakerAlias;
import org.dicta.speaker.SpeakerKind;
import org.dicta.speaker.SpeakerLabel;
import org.dicta.topic.Topic;

/**
 * What the finder knows of the world, copied out of the entities: each speaker's names, aliases and titles in every
 * language, and each topic's labels. Plain values, so that the finder reads no database and runs in unit tests.
 */
public record Catalogue(List<Person> speakers, List<TopicWords> topics) {

    /** A speaker: names (with aliases) and titles, by language. {@code person} is false for a country or an organisation. */
    public record Person(String id, boolean person, Map<String, List<String>> names, Map<String, List<String>> titles) {
    }

    /** A topic's labels, by language. */
    public record TopicWords(String id, Map<String, String> labels) {
    }

    public static Catalogue of(Collection<Speaker> speakers, Collection<Topic> topics) {
        List<Person> people = new ArrayList<>();
        for (Speaker speaker : speakers) {
            Map<String, List<String>> names = new LinkedHashMap<>();
            Map<String, List<String>> titles = new LinkedHashMap<>();
            speaker.labels.forEach((lang, label) -> add(names, titles, lang, label));
            for (SpeakerAlias alias : speaker.aliases) {
                names.computeIfAbsent(alias.lang, key -> new ArrayList<>()).add(alias.name);
            }
            people.add(new Person(speaker.id, speaker.kind == SpeakerKind.PERSON, names, titles));
        }
        List<TopicWords> words = topics.stream().map(topic -> new TopicWords(topic.id, Map.copyOf(topic.labels))).toList();
        return new Catalogue(List.copyOf(people), words);
    }

    private static void add(Map<String, List<String>> names, Map<String, List<String>> titles, String lang, SpeakerLabel label) {
        if (label.name != null && !label.name.isBlank()) {
            names.computeIfAbsent(lang, key -> new ArrayList<>()).add(label.name);
        }
        if (label.title != null && !label.title.isBlank()) {
            titles.computeIfAbsent(lang, key -> new ArrayList<>()).add(label.title);
        }
    }
}
