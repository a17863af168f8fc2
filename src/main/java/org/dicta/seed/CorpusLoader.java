package org.dicta.seed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dicta.language.Language;
import org.dicta.language.TextDirection;
import org.dicta.meeting.Meeting;
import org.dicta.meeting.MeetingLabel;
import org.dicta.meeting.Participant;
import org.dicta.meeting.ParticipantRole;
import org.dicta.quote.Quote;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteVariant;
import org.dicta.source.Source;
import org.dicta.source.SpanLocator;
import org.dicta.speaker.Speaker;
import org.dicta.speaker.SpeakerAlias;
import org.dicta.speaker.SpeakerKind;
import org.dicta.speaker.SpeakerLabel;
import org.dicta.topic.Topic;
import org.dicta.web.SafeText;
import org.dicta.web.SupportedLanguages;
import org.dicta.web.constraints.QueryValues;

/**
 * Reads a corpus ({@code annotations.yaml} and the documents it names, from a directory or packaged in the application,
 * see {@link CorpusFiles}) and checks every entry: ids,
 * references, language tags, dates, file hashes, and above all that each variant's text occurs in its source, whose
 * offsets it records. All errors are collected, so that an editor fixes the file in one pass.
 */
public final class CorpusLoader {

    public static final String ANNOTATIONS = "annotations.yaml";

    /**
     * Largest annotation file read, in code points: SnakeYAML's default of 3 Mi is about 10 000 variants; a corpus of a
     * million variants takes some 300 Mi. (API imports are bounded before this by the request size limit.)
     */
    private static final int MAX_CODE_POINTS = 1 << 30;
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    /** Resources already stored, which an imported corpus may refer to without declaring them. */
    public interface Existing {
        Existing NONE = new Existing() {
            @Override
            public <T> T find(Class<T> type, String id) {
                return null;
            }

            @Override
            public boolean language(String code) {
                return false;
            }
        };

        /** The stored resource of this type and id, or null. */
        <T> T find(Class<T> type, String id);

        boolean language(String code);
    }

    private final CorpusFiles files;
    private final Existing existing;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Language> languages = new LinkedHashMap<>();
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Speaker> speakers = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Meeting> meetings = new LinkedHashMap<>();
    private final Map<String, Quote> quotes = new LinkedHashMap<>();

    private CorpusLoader(CorpusFiles files, Existing existing) {
        this.files = files;
        this.existing = existing;
    }

    /**
     * Loads the corpus in this directory.
     *
     * @throws CorpusException naming the file and every faulty entry
     */
    public static Corpus load(Path dir) {
        return load(CorpusFiles.directory(dir));
    }

    /**
     * Loads a corpus from a directory or from the application's class path.
     *
     * @throws CorpusException naming the file and every faulty entry
     */
    public static Corpus load(CorpusFiles files) {
        return load(files, Existing.NONE);
    }

    /**
     * Loads a corpus directory whose references may also name stored resources.
     *
     * @throws CorpusException naming the file and every faulty entry
     */
    public static Corpus load(Path dir, Existing existing) {
        return load(CorpusFiles.directory(dir), existing);
    }

    /**
     * Loads a corpus whose references may also name stored resources.
     *
     * @throws CorpusException naming the file and every faulty entry
     */
    public static Corpus load(CorpusFiles files, Existing existing) {
        return new CorpusLoader(files, existing).load();
    }

    /**
     * The annotation file of a corpus, parsed but not yet checked.
     *
     * @throws CorpusException when the file is missing, unreadable, empty or not in the format
     */
    public static CorpusFile read(CorpusFiles files) {
        return parse(files).document();
    }

    /** The annotation file's bytes (their SHA-256 identifies an import) and what they say. */
    private record Parsed(byte[] bytes, CorpusFile document) {
    }

    private static Parsed parse(CorpusFiles files) {
        String file = files.location(ANNOTATIONS);
        byte[] bytes;
        try {
            bytes = files.read(ANNOTATIONS);
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, List.of("the file does not exist"));
        } catch (IOException e) {
            throw new CorpusException(file, List.of("the file cannot be read: " + e.getMessage()));
        }
        CorpusFile document;
        try {
            document = YAML.readValue(bytes, CorpusFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new CorpusException(file, List.of(path(e) + ": unknown field '" + e.getPropertyName() + "'"
                    + line(e) + "; the fields here are " + e.getKnownPropertyIds()));
        } catch (JsonProcessingException e) {
            throw new CorpusException(file, List.of("not a valid annotation file" + line(e) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CorpusException(file, List.of("the file cannot be read: " + e.getMessage()));
        }
        if (document == null) {
            throw new CorpusException(file, List.of("the file is empty"));
        }
        return new Parsed(bytes, document);
    }

    private Corpus load() {
        Parsed parsed = parse(files);
        CorpusFile document = parsed.document();
        byte[] bytes = parsed.bytes();
        forEach(document.languages(), "languages", this::language);
        forEach(document.topics(), "topics", this::topic);
        forEach(document.speakers(), "speakers", this::speaker);
        forEach(document.sources(), "sources", this::source);
        forEach(document.meetings(), "meetings", this::meeting);
        forEach(document.quotes(), "quotes", this::quote);
        if (!errors.isEmpty()) {
            throw new CorpusException(files.location(ANNOTATIONS), errors);
        }
        return new Corpus(sha256(bytes), List.copyOf(languages.values()), List.copyOf(topics.values()),
                List.copyOf(speakers.values()),
                List.copyOf(sources.values()), List.copyOf(meetings.values()), List.copyOf(quotes.values()));
    }

    private static String line(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** "speakers[3]" from Jackson's reference path, in the notation of the loader's other messages. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> references = e.getPath();
        for (JsonMappingException.Reference reference : references.subList(0, Math.max(0, references.size() - 1))) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.length() == 0 ? "top level" : path.toString();
    }

    private interface EntryReader<E> {
        void read(E entry, String where);
    }

    private <E> void forEach(List<E> entries, String section, EntryReader<E> reader) {
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            E entry = entries.get(i);
            String where = section + "[" + i + "]";
            if (entry == null) {
                errors.add(where + ": empty entry");
            } else {
                reader.read(entry, where);
            }
        }
    }

    private void language(CorpusFile.LanguageEntry entry, String position) {
        String where = position + " (" + entry.code() + ")";
        if (!SupportedLanguages.isWellFormed(entry.code()) || entry.code().length() > 35) {
            errors.add(where + ": code '" + entry.code() + "' is not a well-formed BCP 47 language tag of at most 35 characters");
            return;
        }
        if (languages.containsKey(entry.code())) {
            errors.add(where + ": duplicate language code '" + entry.code() + "'");
            return;
        }
        Language language = new Language();
        language.code = entry.code();
        language.englishName = required(entry.english(), where, "english");
        language.nativeName = required(entry.nativeName(), where, "native");
        language.direction = enumValue(TextDirection.class, entry.direction(), where, "direction");
        language.position = languages.size();
        languages.put(language.code, language);
    }

    private void topic(CorpusFile.TopicEntry entry, String position) {
        String where = position + " (" + entry.id() + ")";
        if (!newId(entry.id(), topics.keySet(), where, "topic")) {
            return;
        }
        Topic topic = new Topic();
        topic.id = entry.id();
        topic.position = topics.size();
        topic.labels.putAll(languageMap(entry.labels(), where, "labels"));
        if (topic.labels.isEmpty()) {
            errors.add(where + ": labels must name the topic in at least one language");
        }
        topics.put(topic.id, topic);
    }

    private void speaker(CorpusFile.SpeakerEntry entry, String position) {
        String where = position + " (" + entry.id() + ")";
        if (!newId(entry.id(), speakers.keySet(), where, "speaker")) {
            return;
        }
        Speaker speaker = new Speaker();
        speaker.id = entry.id();
        speaker.kind = enumValue(SpeakerKind.class, entry.kind(), where, "kind");
        if (entry.country() != null && !COUNTRIES.contains(entry.country())) {
            errors.add(where + ": country '" + entry.country() + "' is not an ISO 3166-1 alpha-2 code (e.g. IR, BY)");
        }
        speaker.country = entry.country();
        Map<String, String> names = languageMap(entry.names(), where, "names");
        Map<String, String> titles = languageMap(entry.titles(), where, "titles");
        if (names.isEmpty()) {
            errors.add(where + ": names must give the speaker's name in at least one language");
        }
        names.forEach((lang, name) -> speaker.labels.put(lang, new SpeakerLabel(name, titles.get(lang))));
        titles.keySet().stream().filter(lang -> !names.containsKey(lang))
                .forEach(lang -> errors.add(where + ": titles." + lang + " has no name in names." + lang));
        if (entry.aliases() != null) {
            for (CorpusFile.AliasEntry alias : entry.aliases()) {
                if (alias == null || blank(alias.name())) {
                    errors.add(where + ": an alias has no name");
                } else if (knownLanguage(alias.lang(), where, "aliases.lang")
                        && withinLimit(alias.name(), where, "aliases.name") != null) {
                    speaker.aliases.add(new SpeakerAlias(alias.lang(), alias.name()));
                }
            }
        }
        speakers.put(speaker.id, speaker);
    }

    private void source(CorpusFile.SourceEntry entry, String position) {
        String where = position + " (" + entry.id() + ")";
        if (!newId(entry.id(), sources.keySet(), where, "source")) {
            return;
        }
        Source source = new Source();
        source.id = entry.id();
        if (knownLanguage(entry.lang(), where, "lang")) {
            source.lang = entry.lang();
        }
        source.publisher = optional(entry.publisher(), where, "publisher");
        source.headline = optional(entry.headline(), where, "headline");
        source.note = optional(entry.note(), where, "note");
        source.date = date(entry.date(), where, "date");
        byte[] bytes = document(entry.file(), where);
        if (bytes == null) {
            return;
        }
        source.sha256 = sha256(bytes);
        if (entry.sha256() != null && !entry.sha256().equalsIgnoreCase(source.sha256)) {
            errors.add(where + ": file " + entry.file() + " has SHA-256 " + source.sha256 + ", not the " + entry.sha256()
                    + " the annotation records: the document changed, or the annotation names the wrong file");
            return;
        }
        try {
            source.text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            errors.add(where + ": file " + entry.file() + " is not valid UTF-8");
            return;
        }
        String fault = SafeText.fault(source.text, true);
        if (fault != null) {
            errors.add(where + ": file " + entry.file() + " " + fault);
            return;
        }
        sources.put(source.id, source);
    }

    private void meeting(CorpusFile.MeetingEntry entry, String position) {
        String where = position + " (" + entry.id() + ")";
        if (!newId(entry.id(), meetings.keySet(), where, "meeting")) {
            return;
        }
        Meeting meeting = new Meeting();
        meeting.id = entry.id();
        meeting.date = date(entry.date(), where, "date");
        Map<String, String> titles = languageMap(entry.titles(), where, "titles");
        Map<String, String> places = languageMap(entry.places(), where, "places");
        if (titles.isEmpty()) {
            errors.add(where + ": titles must give the meeting's title in at least one language");
        }
        titles.forEach((lang, title) -> meeting.labels.put(lang, new MeetingLabel(title, places.get(lang))));
        places.keySet().stream().filter(lang -> !titles.containsKey(lang))
                .forEach(lang -> errors.add(where + ": places." + lang + " has no title in titles." + lang));
        Set<String> present = new HashSet<>();
        for (CorpusFile.ParticipantEntry participant : Objects.requireNonNullElse(entry.participants(),
                List.<CorpusFile.ParticipantEntry>of())) {
            if (participant == null) {
                errors.add(where + ": a participant is empty");
                continue;
            }
            Speaker speaker = reference(speakers, Speaker.class, participant.speaker(), where, "participants.speaker", "speaker");
            ParticipantRole role = enumValue(ParticipantRole.class, participant.role(), where, "participants.role");
            if (speaker != null && !present.add(speaker.id)) {
                errors.add(where + ": speaker '" + speaker.id + "' is listed twice among the participants");
            } else if (speaker != null && role != null) {
                meeting.participants.add(new Participant(speaker, role));
            }
        }
        List<String> sourceIds = Objects.requireNonNullElse(entry.sources(), List.of());
        if (sourceIds.isEmpty()) {
            errors.add(where + ": sources must name at least one source that reports the meeting");
        }
        for (String sourceId : sourceIds) {
            if (sourceId == null) {
                errors.add(where + ": a source id is empty");
                continue;
            }
            Source source = reference(sources, Source.class, sourceId, where, "sources", "source");
            if (source != null) {
                meeting.sources.add(source);
            }
        }
        meetings.put(meeting.id, meeting);
    }

    private void quote(CorpusFile.QuoteEntry entry, String position) {
        String where = position + " (" + entry.id() + ")";
        if (!newId(entry.id(), quotes.keySet(), where, "quote")) {
            return;
        }
        Quote quote = new Quote();
        quote.id = entry.id();
        quote.speaker = reference(speakers, Speaker.class, entry.speaker(), where, "speaker", "speaker");
        quote.meeting = reference(meetings, Meeting.class, entry.meeting(), where, "meeting", "meeting");
        if (quote.meeting != null && quote.meeting.date != null) {
            quote.sortDate = quote.meeting.date;
        }
        for (String topicId : Objects.requireNonNullElse(entry.topics(), List.<String>of())) {
            Topic topic = reference(topics, Topic.class, topicId, where, "topics", "topic");
            if (topic != null && !quote.topics.contains(topic)) {
                quote.topics.add(topic);
            }
        }
        List<CorpusFile.VariantEntry> variants = Objects.requireNonNullElse(entry.variants(), List.of());
        if (variants.isEmpty()) {
            errors.add(where + ": a quote needs at least one variant");
        }
        for (int i = 0; i < variants.size(); i++) {
            QuoteVariant variant = variant(variants.get(i), quote.meeting, where + " variants[" + i + "]");
            if (variant != null) {
                quote.addVariant(variant);
            }
        }
        quotes.put(quote.id, quote);
    }

    private QuoteVariant variant(CorpusFile.VariantEntry entry, Meeting meeting, String where) {
        if (entry == null) {
            errors.add(where + ": empty entry");
            return null;
        }
        Source source = reference(sources, Source.class, entry.source(), where, "source", "source");
        QuoteMode mode = enumValue(QuoteMode.class, entry.mode(), where, "mode");
        String note = optional(entry.note(), where, "note");
        String text = required(entry.text(), where, "text");
        if (source == null || text == null) {
            return null;
        }
        // A stored meeting the corpus does not redeclare gains the source when the quote is written.
        if (meeting != null && meetings.containsKey(meeting.id)
                && meeting.sources.stream().noneMatch(reporting -> reporting.id.equals(source.id))) {
            errors.add(where + ": source '" + source.id + "' is not among the sources of meeting '" + meeting.id
                    + "'; add it to the meeting's sources or attach the quote to the meeting it reports");
        }
        String lang = entry.lang() == null ? source.lang : entry.lang();
        if (entry.lang() != null && !knownLanguage(entry.lang(), where, "lang")) {
            return null;
        }
        int[] span = locate(text, source, entry.span(), where);
        if (span == null || mode == null) {
            return null;
        }
        QuoteVariant variant = new QuoteVariant();
        variant.lang = lang;
        variant.mode = mode;
        variant.source = source;
        variant.text = text;
        variant.note = note;
        variant.spanStart = span[0];
        variant.spanEnd = span[1];
        return variant;
    }

    /** Where the text lies in the source, as [start, end) in UTF-16 code units; null (with an error) when nowhere or ambiguous. */
    private int[] locate(String text, Source source, CorpusFile.SpanEntry given, String where) {
        try {
            SpanLocator.Span span = SpanLocator.locate(text, source, given == null ? null : given.start(),
                    given == null ? null : given.end());
            return new int[] {span.start(), span.end()};
        } catch (SpanLocator.SpanException e) {
            errors.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private byte[] document(String file, String where) {
        if (blank(file)) {
            errors.add(where + ": file is required (the document's file name in " + files.location() + ")");
            return null;
        }
        if (!files.within(file)) {
            errors.add(where + ": file '" + file + "' is outside the corpus directory");
            return null;
        }
        try {
            return files.read(file);
        } catch (NoSuchFileException e) {
            errors.add(where + ": file '" + file + "' does not exist in " + files.location());
        } catch (IOException e) {
            errors.add(where + ": file '" + file + "' cannot be read: " + e.getMessage());
        }
        return null;
    }

    private boolean newId(String id, Set<String> taken, String where, String kind) {
        if (id == null || !QueryValues.isId(id)) {
            errors.add(where + ": id '" + id + "' is not a valid id (lower-case letters, digits, '-' and '_', at most 100)");
            return false;
        }
        if (taken.contains(id)) {
            errors.add(where + ": duplicate " + kind + " id '" + id + "'");
            return false;
        }
        return true;
    }

    private <T> T reference(Map<String, T> known, Class<T> type, String id, String where, String field, String kind) {
        if (id == null) {
            errors.add(where + ": " + field + " is required");
            return null;
        }
        T target = known.containsKey(id) ? known.get(id) : existing.find(type, id);
        if (target == null) {
            errors.add(where + ": " + field + " names unknown " + kind + " '" + id + "'");
        }
        return target;
    }

    private boolean knownLanguage(String code, String where, String field) {
        if (code == null) {
            errors.add(where + ": " + field + " is required");
            return false;
        }
        if (!SupportedLanguages.isWellFormed(code)) {
            errors.add(where + ": " + field + " '" + code + "' is not a well-formed BCP 47 language tag");
            return false;
        }
        if (!languages.containsKey(code) && !existing.language(code)) {
            errors.add(where + ": " + field + " '" + code + "' is not among the declared languages " + languages.keySet());
            return false;
        }
        return true;
    }

    private Map<String, String> languageMap(Map<String, String> values, String where, String field) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (values == null) {
            return checked;
        }
        values.forEach((lang, value) -> {
            if (knownLanguage(lang, where, field + " key")) {
                String text = required(value, where, field + "." + lang);
                if (text != null) {
                    checked.put(lang, text);
                }
            }
        });
        return checked;
    }

    private LocalDate date(String value, String where, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(where + ": " + field + " '" + value + "' is not an ISO 8601 date (YYYY-MM-DD)");
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String where, String field) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
        if (value == null || !allowed.contains(value)) {
            errors.add(where + ": " + field + " is '" + value + "'; it must be one of " + allowed);
            return null;
        }
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    private String required(String value, String where, String field) {
        if (blank(value)) {
            errors.add(where + ": " + field + " is required");
            return null;
        }
        return withinLimit(value, where, field);
    }

    /** The longest value each field may hold (the columns' sizes); others are limited to {@link #DEFAULT_LIMIT}. */
    private static final Map<String, Integer> LIMITS = Map.ofEntries(Map.entry("text", 10_000), Map.entry("headline", 1000),
            Map.entry("note", 2000), Map.entry("english", 100), Map.entry("native", 100));
    private static final int DEFAULT_LIMIT = 300;

    private String withinLimit(String value, String where, String field) {
        String leaf = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        int limit = where.startsWith("meetings") && field.startsWith("titles") ? 500 : LIMITS.getOrDefault(leaf, DEFAULT_LIMIT);
        if (value.length() > limit) {
            errors.add(where + ": " + field + " is longer than " + limit + " characters");
            return null;
        }
        // The rules of the API's bodies (SafeText); a variant's words keep the bidi controls of their source, closed.
        boolean published = field.equals("text");
        String fault = Optional.ofNullable(SafeText.fault(value, published))
                .orElseGet(() -> published ? SafeText.unclosedBidi(value) : null);
        if (fault != null) {
            errors.add(where + ": " + field + " " + fault);
            return null;
        }
        return value;
    }

    private String optional(String value, String where, String field) {
        if (value != null && value.isBlank()) {
            errors.add(where + ": " + field + " is blank; leave it out instead");
            return null;
        }
        return value == null ? null : withinLimit(value, where, field);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
