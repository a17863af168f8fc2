package org.dicta.finder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.domain.DomainException;
import org.dicta.domain.Violation;
import org.dicta.history.ResourceChanged;
import org.dicta.meeting.Meeting;
import org.dicta.meeting.Participant;
import org.dicta.meeting.ParticipantRole;
import org.dicta.quote.QuoteInput;
import org.dicta.quote.QuoteVariant;
import org.dicta.source.Source;
import org.dicta.speaker.Speaker;
import org.dicta.topic.Topic;
import org.dicta.web.SafeText;

/**
 * The statement finder over the stored corpus: reads a source, a meeting's sources, or a text not stored yet, against
 * the speaker catalogue, and proposes statements with drafts. It only reads; an editor
 * posts what they accept through the quote API, where every span is verified as for any write.
 */
@ApplicationScoped
public class StatementFinding {

    /** The languages the finder has cue words for. */
    public static final List<String> LANGUAGES = List.of("ar", "fa", "en", "ur");

    /** A quote's limits (QuoteInput): a draft holds at most this many reports, the rest added to it afterwards. */
    private static final int DRAFT_VARIANTS = 40;
    private static final int DRAFT_TOPICS = 20;

    /** How long another instance's edit of a speaker or topic may take to reach this one's catalogue. */
    private static final Duration CATALOGUE_AGE = Duration.ofSeconds(30);

    private record Readers(StatementFinder finder, StatementGrouper grouper, Instant built) {
    }

    private volatile Readers readers;
    /** Counts the catalogue's changes here: readers built from a catalogue read before a change are not kept. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** A speaker or topic changed here: the finder reads the new catalogue from the next request on. */
    void catalogueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResourceChanged change) {
        if (change.kind().equals("speaker") || change.kind().equals("topic")) {
            generation.incrementAndGet();
            readers = null;
        }
    }

    private Readers readers() {
        Readers current = readers;
        if (current == null || current.built().plus(CATALOGUE_AGE).isBefore(Instant.now())) {
            long before = generation.get();
            Catalogue catalogue = Catalogue.of(Speaker.listAll(), Topic.listInOrder());
            current = new Readers(new StatementFinder(catalogue), new StatementGrouper(catalogue), Instant.now());
            synchronized (this) {
                if (generation.get() == before) {
                    readers = current;
                }
            }
        }
        return current;
    }

    /** The candidates of a stored source. */
    @Transactional
    public ReportCandidates source(String id) {
        Source source = Source.<Source>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("source", id));
        requireReadable(source.lang, "the source's language");
        return readers().finder().analyse(source.id, source.lang, source.text, participants(meetingsOf(source)));
    }

    /** The candidates of a text not stored yet, optionally about a known meeting. */
    @Transactional
    public ReportCandidates text(TextToRead input) {
        String lang = input.lang().toLowerCase(java.util.Locale.ROOT);
        requireReadable(lang, "the text's language");
        String unclosed = SafeText.unclosedBidi(input.text());
        if (unclosed != null) {
            throw DomainException.unprocessable(List.of(new Violation("text", unclosed
                    + "; a statement found in it could not be posted as a quote's words")));
        }
        List<Meeting> meetings = List.of();
        if (input.meeting() != null) {
            meetings = List.of(Meeting.<Meeting>findByIdOptional(input.meeting())
                    .orElseThrow(() -> DomainException.unprocessable(List.of(new Violation("meeting",
                            "no meeting '" + input.meeting() + "'")))));
        }
        return readers().finder().analyse(null, lang, input.text(), participants(meetings));
    }

    /** The statements proposed for a meeting, from all its sources in the languages the finder reads. */
    @Transactional
    public MeetingStatements meeting(String id) {
        Meeting meeting = Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("meeting", id));
        Readers current = readers();
        List<String> participants = participants(List.of(meeting));
        List<StatementGrouper.Report> reports = new ArrayList<>();
        for (Source source : meeting.sources) {
            if (LANGUAGES.contains(source.lang)) {
                ReportCandidates found = current.finder().analyse(source.id, source.lang, source.text, participants);
                reports.add(new StatementGrouper.Report(source.id, source.lang, source.text, found));
            }
        }
        List<StatementGrouper.Group> groups = current.grouper().group(reports);
        Holdings holdings = new Holdings(meeting.sources);
        List<ProposedStatement> statements = groups.stream().map(group -> propose(meeting, reports, group, holdings)).toList();
        return new MeetingStatements(meeting.id, reports.stream().map(StatementGrouper.Report::found).toList(), statements);
    }

    private ProposedStatement propose(Meeting meeting, List<StatementGrouper.Report> reports, StatementGrouper.Group group,
            Holdings holdings) {
        List<ProposedStatement.Variant> variants = new ArrayList<>();
        Map<String, Integer> votes = new HashMap<>();
        SpeakerGuess speaker = null;
        for (StatementGrouper.Member member : group.members()) {
            StatementGrouper.Report report = reports.get(member.report());
            Candidate candidate = report.found().items().get(member.candidate());
            QuoteVariant held = holdings.holding(report.source(), candidate);
            if (held != null) {
                votes.merge(held.quote.id, 1, Integer::sum);
            }
            variants.add(new ProposedStatement.Variant(report.source(), report.lang(), candidate.text(), candidate.span(),
                    candidate.mode(), candidate.speaker(), candidate.cue(), candidate.confidence(), held == null ? null : held.id));
            if (speaker == null && candidate.speaker() != null && (group.speaker() == null
                    || group.speaker().equals(candidate.speaker().id()))) {
                speaker = new SpeakerGuess(candidate.speaker().id(), candidate.speaker().name(), null);
            }
        }
        String quote = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (quote != null) {
            String chosen = quote;
            variants = variants.stream().map(variant -> variant.variant() == null || holdings.quoteOf(variant.variant()).equals(chosen)
                    ? variant : withoutHolding(variant)).toList();
        }
        QuoteInput draft = draft(meeting, speaker, quote, variants, group.topics());
        return new ProposedStatement(speaker, quote, group.confidence(), variants, draft);
    }

    private static ProposedStatement.Variant withoutHolding(ProposedStatement.Variant variant) {
        return new ProposedStatement.Variant(variant.source(), variant.lang(), variant.text(), variant.span(), variant.mode(),
                variant.speaker(), variant.cue(), variant.confidence(), null);
    }

    /** A quote to post: the statement's reports that no quote holds yet, with their spans, speaker, meeting and topics. */
    private static QuoteInput draft(Meeting meeting, SpeakerGuess speaker, String quote, List<ProposedStatement.Variant> variants,
            List<String> topics) {
        if (speaker == null || speaker.id() == null) {
            return null;
        }
        List<QuoteInput.VariantInput> missing = variants.stream().filter(variant -> variant.variant() == null)
                .limit(DRAFT_VARIANTS)
                .map(variant -> new QuoteInput.VariantInput(variant.source(), variant.lang(), variant.mode(), variant.text(),
                        new QuoteInput.SpanInput(variant.span().start(), variant.span().end()), null))
                .toList();
        if (missing.isEmpty()) {
            return null;
        }
        return new QuoteInput(null, speaker.id(), meeting.id, quote == null ? topics.stream().limit(DRAFT_TOPICS).toList() : null,
                missing, null);
    }

    /** The participants of some meetings, hosts first, each once. */
    private static List<String> participants(List<Meeting> meetings) {
        Set<String> ids = new LinkedHashSet<>();
        List<Participant> all = meetings.stream().flatMap(meeting -> meeting.participants.stream()).toList();
        all.stream().filter(participant -> participant.role == ParticipantRole.HOST).forEach(participant -> ids.add(participant.speaker.id));
        all.forEach(participant -> ids.add(participant.speaker.id));
        return List.copyOf(ids);
    }

    private static List<Meeting> meetingsOf(Source source) {
        return Meeting.list("select distinct m from Meeting m join m.sources s where s.id = ?1 order by m.id", source.id);
    }

    private static void requireReadable(String lang, String what) {
        if (!LANGUAGES.contains(lang)) {
            throw DomainException.unprocessable(List.of(new Violation("lang",
                    "the finder reads " + String.join(", ", LANGUAGES) + "; " + what + " is '" + lang + "'")));
        }
    }

    /** The variants existing quotes hold in a meeting's sources, by source, to recognise statements already recorded. */
    private static final class Holdings {
        private final Map<String, List<QuoteVariant>> bySource = new HashMap<>();
        private final Map<Long, String> quotes = new HashMap<>();

        Holdings(List<Source> sources) {
            if (sources.isEmpty()) {
                return;
            }
            List<QuoteVariant> variants = QuoteVariant.list("source.id in ?1 and quote.retractedAt is null",
                    sources.stream().map(source -> source.id).toList());
            variants.sort(Comparator.comparing((QuoteVariant variant) -> variant.id));
            for (QuoteVariant variant : variants) {
                bySource.computeIfAbsent(variant.source.id, key -> new ArrayList<>()).add(variant);
                quotes.put(variant.id, variant.quote.id);
            }
        }

        String quoteOf(Long variant) {
            return quotes.get(variant);
        }

        /** The variant that holds most of a candidate's words, or whose words the candidate mostly covers. */
        QuoteVariant holding(String source, Candidate candidate) {
            QuoteVariant best = null;
            int bestOverlap = 0;
            for (QuoteVariant variant : bySource.getOrDefault(source, List.of())) {
                int overlap = Math.min(variant.spanEnd, candidate.end()) - Math.max(variant.spanStart, candidate.start());
                boolean holds = 2 * overlap >= candidate.end() - candidate.start()
                        || 2 * overlap >= variant.spanEnd - variant.spanStart;
                if (overlap > 0 && holds && overlap > bestOverlap) {
                    best = variant;
                    bestOverlap = overlap;
                }
            }
            return best;
        }
    }
}
