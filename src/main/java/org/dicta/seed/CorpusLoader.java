package org.dicta.seed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 *
 * <p>The annotation file is read as a stream, one entry at a time, and each checked entry is handed to a {@link Sink}
 * as soon as it is complete: {@link #stream} holds no quote and no document's text beyond a few recent ones, so that
 * memory does not grow with the corpus's texts or its quotes. What it keeps for the references of later entries is the
 * catalogue (languages, topics, speakers) and, for each source and meeting, its id with a language, a file name or a
 * date and the ids of its sources. Quotes stream when their section comes after the sections they refer to, as the
 * seeds and the generator write them; a file that lists quotes earlier is read whole, as before. {@link #load} collects
 * everything into a {@link Corpus}, for the callers that need it all at once.
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
    private static final List<String> SECTIONS = List.of("languages", "topics", "speakers", "sources", "meetings", "quotes");
    /** Quotes checked and handed on together: the sink writes them as one chunk. */
    static final int QUOTE_CHUNK = 1000;
    /** Documents whose text is kept for the spans of the quotes that follow them (others are read again). */
    private static final int TEXTS_KEPT = 64;

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

    /**
     * Where checked entries go, in the file's order, each as soon as it is complete. Nothing more is handed on once an
     * error has been found (the rest of the file is still checked, for the errors' sake), and {@link #stream} then
     * throws: a sink that writes rolls its transaction back.
     */
    public interface Sink {
        void language(Language language);

        void topic(Topic topic);

        void speaker(Speaker speaker);

        void source(Source source);

        void meeting(Meeting meeting);

        /** The next quotes of the file, up to {@link #QUOTE_CHUNK} of them. */
        void quotes(List<Quote> quotes);

        /** Which of these quote ids were handed on before (in an earlier chunk): duplicates. */
        Set<String> taken(Collection<String> quoteIds);

        /** What an entry handed on later points at: a source or meeting of the corpus that this sink was given. */
        <T> T reference(Class<T> type, String id);
    }

    /** What {@link #stream} read: the annotation file's SHA-256 (it identifies an import) and how much of each kind. */
    public record Summary(String annotationsSha256, int languages, int topics, int speakers, int sources, int meetings,
            int quotes, int variants) {
    }

    /** A source of the corpus, as later entries need it: its language and the file its text is read from again. */
    private record DeclaredSource(String lang, String file) {
    }

    /** A meeting of the corpus, as its quotes need it: the date they take and the sources they may cite. */
    private record DeclaredMeeting(LocalDate date, Set<String> sources) {
    }

    /** A checked quote waiting for the rest of its chunk, with where it is in the file. */
    private record Pending(Quote quote, String where) {
    }

    private final CorpusFiles files;
    private final Existing existing;
    private final Sink sink;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Language> languages = new LinkedHashMap<>();
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Speaker> speakers = new LinkedHashMap<>();
    private final Map<String, DeclaredSource> sources = new HashMap<>();
    private final Map<String, DeclaredMeeting> meetings = new HashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > TEXTS_KEPT;
        }
    };
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> pendingIds = new HashSet<>();
    private final Set<String> sectionsRead = new HashSet<>();
    private final Set<String> unwritten = new HashSet<>();
    private int quoteCount;
    private int variantCount;

    private CorpusLoader(CorpusFiles files, Existing existing, Sink sink) {
        this.files = files;
        this.existing = existing;
        this.sink = sink;
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
     * Loads a corpus whose references may also name stored resources, all of it into memory.
     *
     * @throws CorpusException naming the file and every faulty entry
     */
    public static Corpus load(CorpusFiles files, Existing existing) {
        Collector collected = new Collector();
        Summary summary = stream(files, existing, collected);
        return new Corpus(summary.annotationsSha256(), List.copyOf(collected.languages), List.copyOf(collected.topics),
                List.copyOf(collected.speakers), List.copyOf(collected.sources.values()),
                List.copyOf(collected.meetings.values()), List.copyOf(collected.quotes.values()));
    }

    /**
     * Reads and checks a corpus, handing each checked entry to the sink as it goes.
     *
     * @throws CorpusException naming the file and every faulty entry (the sink has then been given only entries
     *     before the first error)
     */
    public static Summary stream(CorpusFiles files, Existing existing, Sink sink) {
        return new CorpusLoader(files, existing, sink).stream();
    }

    /**
     * The annotation file of a corpus, parsed but not yet checked.
     *
     * @throws CorpusException when the file is missing, unreadable, empty or not in the format
     */
    public static CorpusFile read(CorpusFiles files) {
        String file = files.location(ANNOTATIONS);
        CorpusFile document;
        try (InputStream in = files.open(ANNOTATIONS)) {
            document = YAML.readValue(in, CorpusFile.class);
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, List.of("the file does not exist"));
        } catch (UnrecognizedPropertyException e) {
            throw new CorpusException(file, List.of(path(e, "") + ": unknown field '" + e.getPropertyName() + "'"
                    + line(e) + "; the fields here are " + e.getKnownPropertyIds()));
        } catch (JsonProcessingException e) {
            throw new CorpusException(file, List.of("not a valid annotation file" + line(e) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CorpusException(file, List.of("the file cannot be read: " + e.getMessage()));
        }
        if (document == null) {
            throw new CorpusException(file, List.of("the file is empty"));
        }
        return document;
    }

    /** A fault that stops the reading of the file: it is not in the format. */
    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private Summary stream() {
        String file = files.location(ANNOTATIONS);
        MessageDigest digest = sha256Digest();
        try (InputStream raw = files.open(ANNOTATIONS);
                DigestInputStream in = new DigestInputStream(raw, digest);
                JsonParser parser = YAML.createParser(in)) {
            readDocument(parser);
            in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file, comments after the end too
        } catch (NoSuchFileException e) {
            throw new CorpusException(file, List.of("the file does not exist"));
        } catch (Unreadable e) {
            errors.add(e.getMessage());
            throw new CorpusException(file, errors);
        } catch (JsonProcessingException e) {
            errors.add("not a valid annotation file" + line(e) + ": " + e.getOriginalMessage());
            throw new CorpusException(file, errors);
        } catch (IOException e) {
            throw new CorpusException(file, List.of("the file cannot be read: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new CorpusException(file, errors);
        }
        return new Summary(HexFormat.of().formatHex(digest.digest()), languages.size(), topics.size(), speakers.size(),
                sources.size(), meetings.size(), quoteCount, variantCount);
    }

    private void readDocument(JsonParser parser) throws IOException, Unreadable {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            throw new Unreadable("the file is empty");
        }
        if (token != JsonToken.START_OBJECT) {
            throw new Unreadable("not a valid annotation file" + line(parser) + ": the top level must be a mapping of "
                    + SECTIONS);
        }
        List<Map.Entry<String, CorpusFile.QuoteEntry>> heldQuotes = null;
        for (token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String section = parser.currentName();
            String at = line(parser);
            parser.nextToken();
            if (!SECTIONS.contains(section)) {
                throw new Unreadable("top level: unknown field '" + section + "'" + at + "; the fields here are " + SECTIONS);
            }
            if (!sectionsRead.add(section)) {
                throw new Unreadable("top level: the section '" + section + "' appears twice" + at + "; merge the two");
            }
            switch (section) {
                case "languages" -> section(parser, section, CorpusFile.LanguageEntry.class, this::language);
                case "topics" -> section(parser, section, CorpusFile.TopicEntry.class, this::topic);
                case "speakers" -> section(parser, section, CorpusFile.SpeakerEntry.class, this::speaker);
                case "sources" -> section(parser, section, CorpusFile.SourceEntry.class, this::source);
                case "meetings" -> section(parser, section, CorpusFile.MeetingEntry.class, this::meeting);
                default -> {
                    if (sectionsRead.containsAll(SECTIONS)) {
                        section(parser, section, CorpusFile.QuoteEntry.class, this::quote);
                    } else {
                        // Sections the quotes may refer to are still to come: the quotes wait for them.
                        List<Map.Entry<String, CorpusFile.QuoteEntry>> held = new ArrayList<>();
                        section(parser, section, CorpusFile.QuoteEntry.class, (entry, where) -> held.add(Map.entry(where, entry)));
                        heldQuotes = held;
                    }
                }
            }
        }
        if (heldQuotes != null) {
            heldQuotes.forEach(held -> quote(held.getValue(), held.getKey()));
        }
        flushQuotes();
    }

    private interface EntryReader<E> {
        void read(E entry, String where);
    }

    /** Reads a section's entries one at a time; the parser is at the section's value. */
    private <E> void section(JsonParser parser, String section, Class<E> type, EntryReader<E> reader) throws IOException, Unreadable {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new Unreadable("not a valid annotation file" + line(parser) + ": " + section + " must be a list of entries");
        }
        int i = 0;
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), i++) {
            String where = section + "[" + i + "]";
            if (token == JsonToken.VALUE_NULL) {
                errors.add(where + ": empty entry");
                continue;
            }
            E entry;
            try {
                entry = YAML.readValue(parser, type);
            } catch (UnrecognizedPropertyException e) {
                throw new Unreadable(path(e, where) + ": unknown field '" + e.getPropertyName() + "'" + line(e)
                        + "; the fields here are " + e.getKnownPropertyIds());
            }
            reader.read(entry, where);
        }
    }

    private static String line(JsonProcessingException e) {
        return line(e.getLocation());
    }

    private static String line(JsonParser parser) {
        return line(parser.currentLocation());
    }

    private static String line(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** "speakers[3]" from where the entry is and Jackson's reference path within it, as the loader's other messages say. */
    private static String path(JsonMappingException e, String entry) {
        StringBuilder path = new StringBuilder(entry);
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

    /** Whether entries may still be handed on: not once an error has been found. */
    private boolean clean() {
        return errors.isEmpty();
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
        if (clean()) {
            sink.language(language);
        }
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
        if (clean()) {
            sink.topic(topic);
        }
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
        if (clean()) {
            sink.speaker(speaker);
        }
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
        source.text = decode(bytes, entry.file(), where);
        if (source.text == null) {
            return;
        }
        String fault = SafeText.fault(source.text, true);
        if (fault != null) {
            errors.add(where + ": file " + entry.file() + " " + fault);
            return;
        }
        sources.put(source.id, new DeclaredSource(source.lang, entry.file()));
        texts.put(source.id, source.text);
        if (clean()) {
            sink.source(source);
        }
    }

    private String decode(byte[] bytes, String file, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            errors.add(where + ": file " + file + " is not valid UTF-8");
            return null;
        }
    }

    /**
     * The source of this id with its text, to locate a span in: a source of the corpus (its text kept or read again) or
     * a stored one; null, with an error, when there is none.
     */
    private Source located(String id, String where, String field) {
        if (id == null) {
            errors.add(where + ": " + field + " is required");
            return null;
        }
        DeclaredSource declared = sources.get(id);
        if (declared == null) {
            Source stored = existing.find(Source.class, id);
            if (stored == null) {
                errors.add(where + ": " + field + " names unknown source '" + id + "'");
            }
            return stored;
        }
        String text = texts.get(id);
        if (text == null) {
            byte[] bytes = document(declared.file(), where);
            text = bytes == null ? null : decode(bytes, declared.file(), where);
            if (text == null) {
                return null;
            }
            texts.put(id, text);
        }
        Source located = new Source();
        located.id = id;
        located.lang = declared.lang();
        located.text = text;
        return located;
    }

    /** What an entry points at for a source or meeting: the sink's, when the corpus declares it, else the stored one. */
    private <T> T pointer(Class<T> type, String id, T stored) {
        boolean declared = type == Source.class ? sources.containsKey(id) : meetings.containsKey(id);
        return declared ? sink.reference(type, id) : stored;
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
        Set<String> reporting = new HashSet<>();
        for (String sourceId : sourceIds) {
            if (sourceId == null) {
                errors.add(where + ": a source id is empty");
                continue;
            }
            Source stored = sources.containsKey(sourceId) ? null : existing.find(Source.class, sourceId);
            if (stored == null && !sources.containsKey(sourceId)) {
                errors.add(where + ": sources names unknown source '" + sourceId + "'");
            } else if (reporting.add(sourceId)) {
                meeting.sources.add(pointer(Source.class, sourceId, stored));
            }
        }
        meetings.put(meeting.id, new DeclaredMeeting(meeting.date, Set.copyOf(reporting)));
        if (clean()) {
            sink.meeting(meeting);
        }
    }

    private void quote(CorpusFile.QuoteEntry entry, String position) {
        String where = position + " (" + entry.id() + ")";
        if (!newId(entry.id(), pendingIds, where, "quote")) {
            return;
        }
        pendingIds.add(entry.id());
        Quote quote = new Quote();
        quote.id = entry.id();
        quote.speaker = reference(speakers, Speaker.class, entry.speaker(), where, "speaker", "speaker");
        DeclaredMeeting declared = entry.meeting() == null ? null : meetings.get(entry.meeting());
        if (entry.meeting() == null) {
            errors.add(where + ": meeting is required");
        } else if (declared != null) {
            quote.meeting = sink.reference(Meeting.class, entry.meeting());
            if (declared.date() != null) {
                quote.sortDate = declared.date();
            }
        } else {
            quote.meeting = existing.find(Meeting.class, entry.meeting());
            if (quote.meeting == null) {
                errors.add(where + ": meeting names unknown meeting '" + entry.meeting() + "'");
            } else if (quote.meeting.date != null) {
                quote.sortDate = quote.meeting.date;
            }
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
            QuoteVariant variant = variant(variants.get(i), entry.meeting(), declared, where + " variants[" + i + "]");
            if (variant != null) {
                quote.addVariant(variant);
            }
        }
        pending.add(new Pending(quote, where));
        quoteCount++;
        variantCount += quote.variants.size();
        if (pending.size() >= QUOTE_CHUNK) {
            flushQuotes();
        }
    }

    /** Hands the pending quotes on, once none of them repeats the id of a quote handed on before. */
    private void flushQuotes() {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>(sink.taken(pendingIds));
        pendingIds.stream().filter(unwritten::contains).forEach(taken::add);
        for (Pending quote : pending) {
            if (taken.contains(quote.quote().id)) {
                errors.add(quote.where() + ": duplicate quote id '" + quote.quote().id + "'");
            }
        }
        if (clean()) {
            sink.quotes(pending.stream().map(Pending::quote).toList());
        } else {
            unwritten.addAll(pendingIds); // only once the corpus is refused: its duplicates are still reported
        }
        pending.clear();
        pendingIds.clear();
    }

    private QuoteVariant variant(CorpusFile.VariantEntry entry, String meetingId, DeclaredMeeting meeting, String where) {
        if (entry == null) {
            errors.add(where + ": empty entry");
            return null;
        }
        Source source = located(entry.source(), where, "source");
        QuoteMode mode = enumValue(QuoteMode.class, entry.mode(), where, "mode");
        String note = optional(entry.note(), where, "note");
        String text = required(entry.text(), where, "text");
        if (source == null || text == null) {
            return null;
        }
        // A stored meeting the corpus does not redeclare gains the source when the quote is written.
        if (meeting != null && !meeting.sources().contains(source.id)) {
            errors.add(where + ": source '" + source.id + "' is not among the sources of meeting '" + meetingId
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
        variant.source = pointer(Source.class, source.id, source);
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
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The sink of {@link #load}: everything, in memory. */
    private static final class Collector implements Sink {
        final List<Language> languages = new ArrayList<>();
        final List<Topic> topics = new ArrayList<>();
        final List<Speaker> speakers = new ArrayList<>();
        final Map<String, Source> sources = new LinkedHashMap<>();
        final Map<String, Meeting> meetings = new LinkedHashMap<>();
        final Map<String, Quote> quotes = new LinkedHashMap<>();

        @Override
        public void language(Language language) {
            languages.add(language);
        }

        @Override
        public void topic(Topic topic) {
            topics.add(topic);
        }

        @Override
        public void speaker(Speaker speaker) {
            speakers.add(speaker);
        }

        @Override
        public void source(Source source) {
            sources.put(source.id, source);
        }

        @Override
        public void meeting(Meeting meeting) {
            meetings.put(meeting.id, meeting);
        }

        @Override
        public void quotes(List<Quote> chunk) {
            chunk.forEach(quote -> quotes.put(quote.id, quote));
        }

        @Override
        public Set<String> taken(Collection<String> quoteIds) {
            return quoteIds.stream().filter(quotes::containsKey).collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public <T> T reference(Class<T> type, String id) {
            return type.cast(type == Source.class ? sources.get(id) : meetings.get(id));
        }
    }
}
