package org.dicta.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The annotation file as written by hand ({@code annotations.yaml}); see seeds/README.md. Values stay strings here
 * so that the loader can name the entry and the field when one is wrong.
 */
public record CorpusFile(
        List<LanguageEntry> languages,
        List<TopicEntry> topics,
        List<SpeakerEntry> speakers,
        List<SourceEntry> sources,
        List<MeetingEntry> meetings,
        List<QuoteEntry> quotes) {

    public record LanguageEntry(String code, String english, @JsonProperty("native") String nativeName, String direction) {
    }

    public record TopicEntry(String id, Map<String, String> labels) {
    }

    public record SpeakerEntry(String id, String kind, String country, Map<String, String> names,
            Map<String, String> titles, List<AliasEntry> aliases) {
    }

    public record AliasEntry(String lang, String name) {
    }

    public record SourceEntry(String id, String file, String sha256, String lang, String publisher, String headline,
            String date, String note) {
    }

    public record MeetingEntry(String id, String date, Map<String, String> titles, Map<String, String> places,
            List<ParticipantEntry> participants, List<String> sources) {
    }

    public record ParticipantEntry(String speaker, String role) {
    }

    public record QuoteEntry(String id, String speaker, String meeting, List<String> topics, List<VariantEntry> variants) {
    }

    public record VariantEntry(String source, String lang, String mode, String text, SpanEntry span, String note) {
    }

    public record SpanEntry(Integer start, Integer end) {
    }
}
