package org.dicta.seed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * {@code java -jar quarkus-run.jar corpus --variants N --out DIR [--seed S] [--seeds DIR]}: writes a synthetic corpus in
 * the import format (seeds/README.md) for load tests and benchmarks. The same arguments always give the same corpus.
 * Its words come from the seed corpus packaged in the application, or from the corpus in {@code --seeds DIR}.
 *
 * <p>Its texts are words drawn from the seed documents of each language with their real frequencies, so that search
 * terms are as common or as rare as in the seeds. About N / 2.5 quotes of 1 to 4 variants (each in its own language),
 * N / 50 meetings of 12 or 13 quotes, each meeting with one source document per language its quotes are reported in,
 * N / 500 speakers (at least 4), the seed languages and topics.
 */
public final class CorpusGenerator {

    private static final Pattern WORDS = Pattern.compile("[\\s\\u200c\\u200f\\u200e]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");
    private static final String[] MODES = {"direct", "indirect"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final Map<String, String> SPEAKER_WORD = Map.of("ar", "المتحدث", "fa", "سخنران", "en", "Speaker", "ur", "مقرر");
    private static final Map<String, String> MEETING_WORD = Map.of("ar", "اجتماع", "fa", "دیدار", "en", "Meeting", "ur", "ملاقات");

    private final long seed;
    private final CorpusFile seeds;
    private final List<String> languages;
    private final Map<String, List<String>> vocabulary;
    private final int speakers;
    private final int meetings;
    private final int quotes;

    private CorpusGenerator(long seed, CorpusFile seeds, Map<String, List<String>> vocabulary, int variants) {
        this.seed = seed;
        this.seeds = seeds;
        this.languages = seeds.languages().stream().map(CorpusFile.LanguageEntry::code).toList();
        this.vocabulary = vocabulary;
        this.quotes = Math.max(1, (int) Math.round(variants / 2.5));
        this.meetings = Math.max(1, (int) Math.round(variants / 50.0));
        this.speakers = Math.max(4, variants / 500);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Integer variants = null;
        Path target = null;
        CorpusFiles seedFiles = CorpusFiles.packaged();
        long seed = 42;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--variants" -> variants = Integer.parseInt(args[++i].replace("_", ""));
                    case "--out" -> target = Path.of(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--seeds" -> seedFiles = CorpusFiles.directory(Path.of(args[++i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("corpus: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage()));
            variants = null;
        }
        if (variants == null || variants < 1 || target == null) {
            err.println("usage: corpus --variants N --out DIR [--seed S] [--seeds DIR]");
            return 2;
        }
        try {
            if (Files.exists(target.resolve("annotations.yaml"))) {
                err.println("corpus: " + target + " holds a corpus already; choose an empty directory");
                return 2;
            }
            long started = System.nanoTime();
            CorpusFile seeds = CorpusLoader.read(seedFiles);
            CorpusGenerator generator = new CorpusGenerator(seed, seeds, vocabulary(seedFiles, seeds), variants);
            int written = generator.write(target);
            err.printf("Wrote %d variants of %d quotes in %d meetings (%d speakers) to %s in %d s%n", written,
                    generator.quotes, generator.meetings, generator.speakers, target, (System.nanoTime() - started) / 1_000_000_000);
            return 0;
        } catch (IOException | CorpusException e) {
            err.println("corpus: " + e.getMessage());
            return 1;
        }
    }

    /** The words of each language's seed documents, one entry per occurrence (so drawing keeps their frequencies). */
    private static Map<String, List<String>> vocabulary(CorpusFiles seedFiles, CorpusFile seeds) throws IOException {
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (CorpusFile.SourceEntry source : seeds.sources()) {
            String text = new String(seedFiles.read(source.file()), StandardCharsets.UTF_8);
            List<String> list = words.computeIfAbsent(source.lang(), lang -> new ArrayList<>());
            for (String token : WORDS.split(text)) {
                String word = EDGE_PUNCTUATION.matcher(token).replaceAll("");
                if (word.codePoints().anyMatch(Character::isLetter)) {
                    list.add(word);
                }
            }
        }
        return words;
    }

    /** One quote as generated: its speaker, topics, and variants (language, mode, text). */
    private record Quote(String id, String speaker, List<String> topics, List<Variant> variants) {
    }

    private record Variant(String lang, String mode, String text) {
    }

    /** A meeting as generated; the same meeting number always gives the same meeting. */
    private record Meeting(String id, LocalDate date, String host, String guest, List<Quote> quotes) {

        List<String> languages() {
            return quotes.stream().flatMap(quote -> quote.variants().stream()).map(Variant::lang).distinct().sorted().toList();
        }
    }

    private Meeting meeting(int m) {
        Random random = new Random(seed * 1_000_003L + m);
        LocalDate date = random.nextInt(100) == 0 ? null : FIRST_DAY.plusDays(random.nextInt(9_000));
        int host = random.nextInt(speakers);
        int guest = (host + 1 + random.nextInt(speakers - 1)) % speakers;
        int count = quotes / meetings + (m < quotes % meetings ? 1 : 0);
        List<Quote> list = new ArrayList<>();
        List<String> topicIds = seeds.topics().stream().map(CorpusFile.TopicEntry::id).toList();
        for (int q = 0; q < count; q++) {
            String speaker = speakerId(random.nextBoolean() ? host : guest);
            List<String> topics = new ArrayList<>(List.of(topicIds.get(random.nextInt(topicIds.size()))));
            String second = topicIds.get(random.nextInt(topicIds.size()));
            if (random.nextInt(3) == 0 && !topics.contains(second)) {
                topics.add(second);
            }
            List<String> langs = new ArrayList<>(languages);
            java.util.Collections.shuffle(langs, random);
            List<Variant> variants = new ArrayList<>();
            for (String lang : langs.subList(0, 1 + random.nextInt(langs.size()))) {
                variants.add(new Variant(lang, MODES[random.nextInt(2)], words(random, lang, 8 + random.nextInt(18))));
            }
            list.add(new Quote("q" + m + "-" + q, speaker, topics, variants));
        }
        return new Meeting("m" + m, date, speakerId(host), speakerId(guest), list);
    }

    private String words(Random random, String lang, int count) {
        List<String> words = vocabulary.get(lang);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(words.get(random.nextInt(words.size())));
        }
        return text.toString();
    }

    private static String speakerId(int s) {
        return "speaker-" + s;
    }

    /** Writes the documents, then annotations.yaml (quotes last, meeting by meeting); returns the number of variants. */
    private int write(Path target) throws IOException {
        Path documents = target.resolve("sources");
        Files.createDirectories(documents);
        List<CorpusFile.SourceEntry> sources = new ArrayList<>();
        List<CorpusFile.MeetingEntry> meetingEntries = new ArrayList<>();
        for (int m = 0; m < meetings; m++) {
            Meeting meeting = meeting(m);
            Random filler = new Random(seed * 7_000_001L + m);
            List<String> sourceIds = new ArrayList<>();
            for (String lang : meeting.languages()) {
                StringBuilder text = new StringBuilder(MEETING_WORD.get(lang)).append(' ').append(m).append('\n');
                for (Quote quote : meeting.quotes()) {
                    for (Variant variant : quote.variants()) {
                        if (variant.lang().equals(lang)) {
                            text.append(words(filler, lang, 5 + filler.nextInt(6))).append(": ")
                                    .append(variant.text()).append(".\n");
                        }
                    }
                }
                String id = meeting.id() + "-" + lang;
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                Files.write(documents.resolve(id + ".txt"), bytes);
                sources.add(new CorpusFile.SourceEntry(id, "sources/" + id + ".txt", sha256(bytes), lang, null, null,
                        meeting.date() == null ? null : meeting.date().toString(), null));
                sourceIds.add(id);
            }
            Map<String, String> titles = new LinkedHashMap<>();
            int number = m;
            languages.forEach(lang -> titles.put(lang, MEETING_WORD.get(lang) + " " + number));
            meetingEntries.add(new CorpusFile.MeetingEntry(meeting.id(), meeting.date() == null ? null : meeting.date().toString(),
                    titles, null, List.of(new CorpusFile.ParticipantEntry(meeting.host(), "host"),
                            new CorpusFile.ParticipantEntry(meeting.guest(), "guest")), sourceIds));
        }

        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build()).setSerializationInclusion(JsonInclude.Include.NON_NULL);
        int variants = 0;
        try (OutputStream out = Files.newOutputStream(target.resolve("annotations.yaml"));
                JsonGenerator generator = yaml.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeObjectField("languages", seeds.languages());
            generator.writeObjectField("topics", seeds.topics());
            generator.writeArrayFieldStart("speakers");
            for (int s = 0; s < speakers; s++) {
                Map<String, String> names = new LinkedHashMap<>();
                int number = s;
                languages.forEach(lang -> names.put(lang, SPEAKER_WORD.get(lang) + " " + number));
                generator.writeObject(new CorpusFile.SpeakerEntry(speakerId(s), "person", null, names, null, null));
            }
            generator.writeEndArray();
            generator.writeObjectField("sources", sources);
            generator.writeObjectField("meetings", meetingEntries);
            generator.writeArrayFieldStart("quotes");
            for (int m = 0; m < meetings; m++) {
                Meeting meeting = meeting(m);
                for (Quote quote : meeting.quotes()) {
                    List<CorpusFile.VariantEntry> entries = new ArrayList<>();
                    for (Variant variant : quote.variants()) {
                        entries.add(new CorpusFile.VariantEntry(meeting.id() + "-" + variant.lang(), null, variant.mode(),
                                variant.text(), null, null));
                    }
                    variants += entries.size();
                    generator.writeObject(new CorpusFile.QuoteEntry(quote.id(), quote.speaker(), meeting.id(), quote.topics(), entries));
                }
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return variants;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
