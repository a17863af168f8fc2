package org.dicta.finder;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicta.finder.SpeakerIndex.Kind;
import org.dicta.finder.SpeakerIndex.Named;
import org.dicta.quote.QuoteMode;
import org.dicta.quote.QuoteView.Span;
import org.dicta.search.Analysis;
import org.dicta.search.Token;
import org.dicta.search.Tokens;
import org.dicta.web.SafeText;

/**
 * Reads one report and finds its attributed statements, the way an editor reads: sentence by sentence (ICU's sentence
 * boundaries for the report's language), looking for the words that mark speech ({@link Lexicon}), taking the words
 * each marks ({@link Cue}), and working out who is speaking from the names, titles and pronouns around them
 * ({@link SpeakerIndex}), falling back to the person the report last spoke of. See docs/finder.md for the rules and
 * where they fail.
 *
 * <p>Thread-safe once built: every call works on its own state.
 */
public final class StatementFinder {

    private static final int MIN_WORDS = 3;
    /** How many words before its cue a clause's subject is looked for (a sentence without stops reads in linear time). */
    private static final int SUBJECT_REACH = 200;
    /** The longest statement a quote's variant can hold (QuoteInput's limit): longer ones are not proposed. */
    private static final int MAX_CHARS = 10_000;
    /** How far after a speech verb its complementiser may come (said on Monday that …). */
    private static final int LOOKAHEAD = 5;
    /** English words after «said» that begin a phrase of time, place or manner, not the words said. */
    private static final java.util.Set<String> PREPOSITIONS = java.util.Set.of("on", "in", "at", "during", "after", "before",
            "while", "when", "with", "from", "by", "of", "about", "for", "and", "but", "so", "as", "later", "earlier", "today",
            "yesterday", "this", "last", "again", "also", "he", "she", "they", "it");
    /** Urdu's «ہوئے» (… کرتے ہوئے), folded, as a glued verb may follow it. */
    private static final String GLUED_PARTICIPLE = Lexicon.fold("ur", "ہوئے").get(0);
    private static final int MIN_REFERENCE_WORDS = 8;
    /** A quotation no cue claims is taken for a statement from this many words. */
    private static final int MIN_QUOTATION_WORDS = 6;

    private final SpeakerIndex speakers;
    private final DateFinder dates = new DateFinder();

    public StatementFinder(Catalogue catalogue) {
        this.speakers = new SpeakerIndex(catalogue);
    }

    /**
     * The statements of one report.
     *
     * @param source the source id, or null for a text that is not stored
     * @param lang the report's language (ar, fa, en, ur)
     * @param text the report's text
     * @param participants the speaker ids of the meetings the report is about, hosts first; they break ties
     */
    public ReportCandidates analyse(String source, String lang, String text, List<String> participants) {
        Reading reading = new Reading(lang, text, participants);
        List<Candidate> items = reading.candidates();
        return new ReportCandidates(source, lang, items, dates.find(text), reading.tally());
    }

    /** The state of reading one report. */
    private final class Reading {

        private final String lang;
        private final String text;
        private final List<String> participants;
        private final List<Token> tokens;
        private final List<int[]> quotes;
        /** The quotations of four words or more: words given as someone's, not a name or a term in quotation marks. */
        private final List<int[]> speech;
        private final List<Named> named;
        /** The index of the mention that starts, or ends, at each token; -1 for none. */
        private final int[] startingAt;
        private final int[] endingAt;
        /** Which speaker each mention resolved to (pronouns included), by mention index. */
        private final String[] resolved;
        private String focus;
        /** The name of the person in focus when the catalogue does not hold them. */
        private String focusName;
        /** People the catalogue lacks to whom statements are attributed, by name, with how many statements. */
        private final Map<String, int[]> unknown = new LinkedHashMap<>();
        /** Where the sentences end, in order. */
        private final List<Integer> boundaries = new ArrayList<>();
        /** The end of a statement carried past its sentence (a colon that ends a line: the words are on the next). */
        private int carried;

        Reading(String lang, String text, List<String> participants) {
            this.lang = lang;
            this.text = text;
            this.participants = participants;
            this.tokens = Tokens.of(text, Analysis.of(lang));
            this.quotes = Quotations.find(text);
            this.speech = quotes.stream().filter(quote -> words(quote[0], quote[1]) >= 4).toList();
            this.named = speakers.find(lang, text, tokens, participants);
            this.resolved = new String[named.size()];
            this.startingAt = new int[tokens.size() + 1];
            this.endingAt = new int[tokens.size() + 1];
            java.util.Arrays.fill(startingAt, -1);
            java.util.Arrays.fill(endingAt, -1);
            for (int k = 0; k < named.size(); k++) {
                startingAt[named.get(k).from()] = k;
                endingAt[named.get(k).to()] = k;
            }
            this.focus = null;
        }

        List<Candidate> candidates() {
            List<Candidate> found = new ArrayList<>();
            BreakIterator sentences = BreakIterator.getSentenceInstance(ULocale.forLanguageTag(lang));
            sentences.setText(text);
            sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
                boundaries.add(end);
            }
            int start = 0;
            for (int end : boundaries) {
                if (end > carried) {
                    sentence(Math.max(start, carried), end, found);
                }
                start = end;
            }
            addUnclaimedQuotations(found);
            List<Candidate> passages = new ArrayList<>();
            found.forEach(candidate -> passages.addAll(passages(candidate)));
            // A quote's words must close the direction controls they open, and hold at most 10 000 characters: a candidate
            // that does not could not be posted.
            passages.removeIf(candidate -> SafeText.unclosedBidi(candidate.text()) != null || candidate.text().length() > MAX_CHARS);
            return withoutOverlaps(passages);
        }

        /** The candidates in text order, none overlapping another: of two that overlap, the surer is kept. */
        private List<Candidate> withoutOverlaps(List<Candidate> candidates) {
            List<Candidate> sorted = new ArrayList<>(candidates);
            sorted.sort(java.util.Comparator.comparingInt(Candidate::start).thenComparingInt(Candidate::end));
            List<Candidate> kept = new ArrayList<>();
            for (Candidate candidate : sorted) {
                Candidate last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
                if (last == null || candidate.start() >= last.end()) {
                    kept.add(candidate);
                } else if (candidate.confidence() > last.confidence()) {
                    kept.set(kept.size() - 1, candidate);
                }
            }
            return kept;
        }

        /**
         * Quotations of six words or more that no cue claimed (a paragraph that goes on quoting, a quotation after a
         * name and a colon the cues missed) are the words of the person in focus where they stand: direct, with the
         * quotation mark as their cue.
         */
        private void addUnclaimedQuotations(List<Candidate> found) {
            List<Candidate> added = new ArrayList<>();
            for (int[] quote : speech) {
                int end = Math.min(quote[1], text.length());
                boolean claimed = java.util.stream.Stream.concat(found.stream(), added.stream())
                        .anyMatch(candidate -> candidate.start() < end && candidate.end() > quote[0]);
                if (claimed || words(quote[0], end) < MIN_QUOTATION_WORDS) {
                    continue;
                }
                int[] span = tidy(quote[0], Math.min(quote[1] + 1, text.length()));
                if (span == null) {
                    continue;
                }
                SpeakerGuess speaker = speakerBefore(found, quote[0]);
                added.add(new Candidate(text.substring(span[0], span[1]), new Span(span[0], span[1]), QuoteMode.DIRECT, speaker,
                        Mention.of(text, quote[0], quote[0] + 1), speaker == null ? 0.3 : 0.5));
            }
            found.addAll(added);
            found.sort(java.util.Comparator.comparingInt(Candidate::start));
        }

        /** Who was last spoken of before an offset: the speaker of the last statement before it. */
        private SpeakerGuess speakerBefore(List<Candidate> found, int offset) {
            SpeakerGuess last = null;
            for (Candidate candidate : found) {
                if (candidate.start() < offset && candidate.speaker() != null) {
                    last = candidate.speaker();
                }
            }
            if (last == null) {
                return participants.isEmpty() ? null : new SpeakerGuess(participants.get(0), null, null);
            }
            return new SpeakerGuess(last.id(), last.name(), null);
        }

        /**
         * A statement cut where it leaves words out: an ellipsis inside it («… فرصة للتقدم... هدفي من زيارة …») joins two
         * passages of what was said, each a statement of its own.
         */
        private List<Candidate> passages(Candidate candidate) {
            List<Candidate> parts = new ArrayList<>();
            int from = candidate.start();
            for (int i = candidate.start(); i < candidate.end(); i++) {
                boolean ellipsis = text.startsWith("...", i) || text.charAt(i) == '…';
                if (ellipsis && words(from, i) >= MIN_WORDS && words(i, candidate.end()) >= MIN_WORDS) {
                    Candidate part = trim(candidate, from, i, MIN_WORDS);
                    if (part != null) {
                        parts.add(part);
                    }
                    from = i + (text.charAt(i) == '…' ? 1 : 3);
                }
            }
            if (parts.isEmpty()) {
                return List.of(candidate);
            }
            Candidate last = trim(candidate, from, candidate.end(), MIN_WORDS);
            if (last != null) {
                parts.add(last);
            }
            return parts;
        }

        private void sentence(int start, int end, List<Candidate> found) {
            int first = firstToken(start);
            int last = firstToken(end);
            if (first >= last) {
                return;
            }
            List<Hit> hits = cues(first, last);
            int floor = Math.max(start, claimed(found));
            Candidate previous = null;
            Cue previousCue = null;
            for (Hit hit : hits) {
                Candidate candidate = statement(hit, start, end, floor);
                floor = Math.max(floor, tokens.get(hit.to() - 1).end());
                if (candidate == null) {
                    continue;
                }
                if (previous != null && candidate.start() < previous.end()) {
                    if (!splits(hit, previousCue, start)) {
                        continue;
                    }
                    int cut = hit.cue() == Cue.CLAUSE_BEFORE ? candidate.start() : leadStart(hit, start);
                    Candidate trimmed = trim(previous, cut, previousCue == Cue.REFERENCE ? MIN_REFERENCE_WORDS : MIN_WORDS);
                    found.remove(found.size() - 1);
                    if (trimmed != null) {
                        found.add(trimmed);
                    }
                }
                found.add(candidate);
                previous = candidate;
                previousCue = hit.cue();
                focusOn(candidate.speaker());
            }
            if (hits.isEmpty()) {
                Candidate headline = headline(first, last, end);
                if (headline != null) {
                    found.add(headline);
                    return;
                }
                String subject = subject(first, last);
                if (subject != null) {
                    focus = subject;
                }
            }
        }

        /**
         * A headline's «Speaker: words» (وزير الخارجية المصري: …, Leader: …): a line that starts with a speaker's name or
         * title followed by a colon gives that speaker's words.
         */
        private Candidate headline(int first, int last, int end) {
            Named speaker = namedStartingAt(first);
            if (speaker == null || speaker.to() >= last) {
                return null;
            }
            int colon = colonAfter(tokens.get(speaker.to() - 1).end());
            if (colon < 0) {
                return null;
            }
            int[] span = tidy(colon + 1, end);
            if (span == null || words(span[0], span[1]) < MIN_WORDS) {
                return null;
            }
            SpeakerGuess guess = guess(speaker);
            focusOn(guess);
            return new Candidate(text.substring(span[0], span[1]), new Span(span[0], span[1]), QuoteMode.DIRECT, guess,
                    Mention.of(text, colon, colon + 1), 0.7);
        }

        /** Where the last statement found so far ends: a statement runs past its sentence when a quotation does. */
        private int claimed(List<Candidate> found) {
            return found.isEmpty() ? 0 : found.get(found.size() - 1).end();
        }

        /** The end of the sentence after the one that ends at an offset. */
        private int nextSentenceEnd(int end) {
            for (int boundary : boundaries) {
                if (boundary > end && words(end, boundary) > 0) {
                    return boundary;
                }
            }
            return end;
        }

        /**
         * Whether a cue inside the statement before it starts a statement of its own, cutting that one short: a speech
         * verb with its colon or complementiser (and added that, و افزودند:), an Arabic verb with its own speaker
         * («فيما اعتبرت إيران»), or a verb that closes a clause after a reference or an expression. Not a verb that is
         * itself reported («… and that he believed that …»).
         */
        private boolean splits(Hit hit, Cue previous, int sentenceStart) {
            int lead = firstToken(leadStart(hit, sentenceStart));
            if (lead > 0 && complementiserEndsAt(lead)) {
                return false;
            }
            return switch (hit.cue()) {
                case SAY -> hit.colonAt() >= 0 || hit.complementiserTo() >= 0 || lang.equals("ar") && attachedAfter(hit) != null;
                case CLAUSE_BEFORE -> previous == Cue.REFERENCE || previous == Cue.CLAUSE_AFTER;
                case CLAUSE_AFTER -> lang.equals("ar") && attachedAfter(hit) != null;
                case REFERENCE -> false;
            };
        }

        private boolean complementiserEndsAt(int token) {
            return Lexicon.complementisers(lang).stream()
                    .anyMatch(words -> token >= words.size() && termsAt(token - words.size(), words, tokens.size()));
        }

        /** Whether the report's words from token {@code at} (and before {@code last}) are {@code words}. */
        private boolean termsAt(int at, List<String> words, int last) {
            if (at + words.size() > last) {
                return false;
            }
            for (int k = 0; k < words.size(); k++) {
                if (!tokens.get(at + k).term().equals(words.get(k))) {
                    return false;
                }
            }
            return true;
        }

        /** A statement's words and attribution, or null when the cue marks nothing a reader would take as one. */
        private Candidate statement(Hit hit, int sentenceStart, int sentenceEnd, int claimedUntil) {
            int cueStart = tokens.get(hit.from()).start();
            int cueEnd = tokens.get(hit.to() - 1).end();
            int from;
            int to = sentenceEnd;
            Mention cue = Mention.of(text, cueStart, cueEnd);
            QuoteMode mode = QuoteMode.INDIRECT;
            double confidence;
            switch (hit.cue()) {
                case SAY -> {
                    int after = afterAttached(hit);
                    int colon = colonAfter(after);
                    int[] quote = quoteStartingAt(after);
                    if (colon >= 0) {
                        from = colon + 1;
                        cue = Mention.of(text, cueStart, colon + 1);
                        mode = QuoteMode.DIRECT;
                        confidence = 0.9;
                        if (words(from, to) == 0) {
                            to = nextSentenceEnd(to);
                            carried = to;
                        }
                        int[] open = quoteStartingAt(skipSpace(from));
                        if (open != null) {
                            to = Math.max(to, open[1] + 1);
                        }
                    } else if (hit.complementiserTo() >= 0) {
                        from = tokens.get(hit.complementiserTo() - 1).end();
                        cue = Mention.of(text, cueStart, from);
                        confidence = 0.8;
                        int[] open = quoteStartingAt(skipSpace(from));
                        if (open != null) {
                            to = Math.max(to, open[1] + 1);
                        }
                    } else if (quote != null) {
                        from = quote[0];
                        to = quote[1] + 1;
                        cue = Mention.of(text, quote[0], quote[0] + 1);
                        mode = QuoteMode.DIRECT;
                        confidence = 0.85;
                    } else {
                        int[] before = quoteEndingBefore(leadStart(hit, sentenceStart));
                        if (before != null && before[0] >= claimedUntil) {
                            from = before[0];
                            to = before[1] + 1;
                            mode = QuoteMode.DIRECT;
                            confidence = 0.85;
                        } else if (lang.equals("en") && inlineAside(hit, sentenceStart)) {
                            from = Math.max(sentenceStart, claimedUntil);
                            confidence = 0.7;
                        } else if (lang.equals("en") && Lexicon.bare(lang, hit.terms()) && reportedWithoutThat(hit, after)) {
                            from = after;
                            confidence = 0.6;
                        } else if (Lexicon.bare(lang, hit.terms())) {
                            return null;
                        } else if (lang.equals("fa") || lang.equals("ur")) {
                            from = clauseStart(hit, sentenceStart, claimedUntil);
                            to = cueEnd;
                            confidence = 0.55;
                        } else {
                            from = lang.equals("ar") ? after : cueStart;
                            confidence = 0.55;
                        }
                    }
                }
                case CLAUSE_BEFORE -> {
                    from = clauseStart(hit, sentenceStart, claimedUntil);
                    to = cueEnd;
                    confidence = 0.65;
                }
                case CLAUSE_AFTER -> {
                    from = lang.equals("ar") ? afterAttached(hit) : cueStart;
                    confidence = 0.6;
                }
                case REFERENCE -> {
                    if (lang.equals("ur")) {
                        from = clauseStart(hit, sentenceStart, claimedUntil);
                        to = cueStart;
                    } else {
                        from = cueEnd;
                    }
                    confidence = 0.4;
                }
                default -> throw new IllegalStateException(hit.cue().name());
            }
            int[] span = tidy(Math.max(from, claimedUntil), to);
            if (span == null) {
                return null;
            }
            int words = words(span[0], span[1]);
            if (words < MIN_WORDS || hit.cue() == Cue.REFERENCE && words < MIN_REFERENCE_WORDS) {
                return null;
            }
            boolean reportedThat = hit.cue() == Cue.SAY && hit.complementiserTo() >= 0;
            if (mode == QuoteMode.INDIRECT && (quoted(span[0], span[1]) || reportedThat && firstPersonVoice(span[0], span[1]))) {
                mode = QuoteMode.DIRECT;
            }
            Attribution attribution = speaker(hit, sentenceStart, cue);
            double certainty = confidence * attribution.certainty();
            return new Candidate(text.substring(span[0], span[1]), new Span(span[0], span[1]), mode, attribution.guess(),
                    cue, Math.round(certainty * 100) / 100.0);
        }

        // ---- cues ----

        /** A cue found in the text: tokens {@code [from, to)}, and where a colon or complementiser follows it. */
        private record Hit(int from, int to, Cue cue, int colonAt, int complementiserTo, List<String> terms) {
        }

        private List<Hit> cues(int first, int last) {
            List<Hit> hits = new ArrayList<>();
            int i = first;
            while (i < last) {
                Hit hit = inQuote(tokens.get(i).start()) ? null : cueAt(i, last);
                if (hit != null) {
                    hits.add(hit);
                    i = hit.to();
                } else {
                    i++;
                }
            }
            return hits;
        }

        private Hit cueAt(int at, int last) {
            for (Lexicon.Phrase phrase : Lexicon.cues(lang)) {
                List<String> terms = phrase.terms();
                if (at + terms.size() > last) {
                    continue;
                }
                boolean all = true;
                boolean glued = false;
                for (int k = 0; k < terms.size() && all; k++) {
                    String term = tokens.get(at + k).term();
                    all = term.equals(terms.get(k)) || k == 0 && gluedToPostposition(term, terms.get(k));
                    if (!all && k == terms.size() - 1 && gluedComplementiser(term, terms.get(k))) {
                        all = true;
                        glued = true;
                    }
                }
                if (all) {
                    int to = at + terms.size();
                    int complementiser = glued ? to : complementiserAfter(to, last);
                    return new Hit(at, to, phrase.cue(), colonAfter(tokens.get(to - 1).end()), complementiser, terms);
                }
            }
            return null;
        }

        /** Urdu texts sometimes lose the space before a verb: «صدرسےکہا», «ہوئےکہا». */
        private boolean gluedToPostposition(String term, String verb) {
            if (!lang.equals("ur") || term.length() <= verb.length() || !term.endsWith(verb)) {
                return false;
            }
            String before = term.substring(0, term.length() - verb.length());
            return Lexicon.objectMarker(lang, before) || before.equals(Lexicon.ERGATIVE) || before.endsWith(GLUED_PARTICIPLE);
        }

        /**
         * English reported speech without its «that» (Lukashenko said the roadmap was …): words, not punctuation or a
         * preposition, follow the verb, and at least four of them before the sentence ends.
         */
        private boolean reportedWithoutThat(Hit hit, int after) {
            int next = firstToken(after);
            if (next >= tokens.size() || text.substring(tokens.get(hit.to() - 1).end(), tokens.get(next).start()).trim().length() > 0) {
                return false;
            }
            return !PREPOSITIONS.contains(tokens.get(next).term()) && !tokens.get(next).term().equals("to");
        }

        /** Persian and Urdu sometimes write the complementiser on the verb: «فرمایاکہ». */
        private boolean gluedComplementiser(String term, String verb) {
            return (lang.equals("fa") || lang.equals("ur")) && term.equals(verb + "كه");
        }

        /** The token just past a complementiser right after the cue (or after its speaker: «أكد لوكاشنكو أن»). */
        private int complementiserAfter(int at, int last) {
            int i = at;
            if (lang.equals("ar") || lang.equals("en")) {
                int offset = tokens.get(at - 1).end();
                for (int next = namedAfter(i, offset); next >= 0; next = namedAfter(i, offset)) {
                    i = namedStartingAt(next).to();
                    offset = tokens.get(i - 1).end();
                }
            }
            // The complementiser follows the verb, or a short phrase of time or place after it (said on Monday that …,
            // قال في مؤتمر صحافي إن …); never across a stop, a colon or a quotation.
            for (int start = i; start < Math.min(last, i + LOOKAHEAD); start++) {
                if (start > i && (punctuationBetween(at, start) || inQuote(tokens.get(start).start())
                        || quoteBetween(at, start))) {
                    break;
                }
                int end = complementiserAt(start, last);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }

        private int complementiserAt(int start, int last) {
            for (List<String> complementiser : Lexicon.complementisers(lang)) {
                if (termsAt(start, complementiser, last)) {
                    return start + complementiser.size();
                }
            }
            return -1;
        }

        private boolean quoteBetween(int fromToken, int toToken) {
            int from = tokens.get(fromToken - 1).end();
            int to = tokens.get(toToken).start();
            return quotes.stream().anyMatch(quote -> quote[0] >= from && quote[0] < to);
        }

        private boolean punctuationBetween(int fromToken, int toToken) {
            if (fromToken >= toToken) {
                return false;
            }
            String between = text.substring(tokens.get(fromToken - 1).end(), tokens.get(toToken).start());
            return between.contains(".") || between.contains(":");
        }

        /** The offset of a colon that follows an offset (after spaces and a closing parenthesis), or -1. */
        private int colonAfter(int offset) {
            int i = offset;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u200F' || text.charAt(i) == '\u200E')) {
                i++;
            }
            return i < text.length() && (text.charAt(i) == ':' || text.charAt(i) == '：') ? i : -1;
        }

        /** Where the words after a cue begin, past the speaker named right after it («قال سماحته», «said Raisi»). */
        private int afterAttached(Hit hit) {
            int end = tokens.get(hit.to() - 1).end();
            if (!lang.equals("ar") && !lang.equals("en")) {
                return end;
            }
            int next = namedAfter(hit.to(), end);
            while (next >= 0) {
                Named attached = namedStartingAt(next);
                end = tokens.get(attached.to() - 1).end();
                next = namedAfter(attached.to(), end);
            }
            while (end < text.length() && (text.charAt(end) == '،' || text.charAt(end) == ',' || text.charAt(end) == ' ')) {
                end++;
            }
            return end;
        }

        /**
         * The token at which a speaker's name starts right after an offset (past commas and honorifics: «، السيد
         * لوكاشينكو»), or -1.
         */
        private int namedAfter(int token, int offset) {
            int i = token;
            int from = offset;
            while (i < tokens.size() && commaOrSpaceOnly(from, i) && Lexicon.honorific(tokens.get(i).term())) {
                from = tokens.get(i).end();
                i++;
            }
            if (i >= tokens.size() || !commaOrSpaceOnly(from, i) || inQuote(tokens.get(i).start())) {
                return -1;
            }
            return namedStartingAt(i) != null ? i : -1;
        }

        private boolean commaOrSpaceOnly(int offset, int token) {
            if (token >= tokens.size()) {
                return false;
            }
            String between = text.substring(offset, tokens.get(token).start());
            return between.chars().allMatch(c -> c == ' ' || c == ',' || c == '،' || c == '«' || c == '»' || c == '"'
                    || c == '\u200C' || c == '\u200F' || c == '\u200E');
        }

        /** Where the clause a cue ends begins: after a comma, after its subject, or where the sentence does. */
        private int clauseStart(Hit hit, int sentenceStart, int claimedUntil) {
            int cueStart = tokens.get(hit.from()).start();
            int floor = Math.max(sentenceStart, claimedUntil);
            int subjectEnd = -1;
            for (Named mention : namedWithin(Math.max(firstToken(floor), hit.from() - SUBJECT_REACH), hit.from())) {
                int end = tokens.get(mention.to() - 1).end();
                if (end <= cueStart && tokens.get(mention.from()).start() >= floor && !objectOf(mention)) {
                    subjectEnd = end;
                    if (lang.equals("ur") && mention.to() < tokens.size() && tokens.get(mention.to()).term().equals(Lexicon.ERGATIVE)) {
                        subjectEnd = tokens.get(mention.to()).end();
                    }
                }
            }
            int comma = Math.max(text.lastIndexOf('،', cueStart - 1), text.lastIndexOf(',', cueStart - 1));
            int start = floor;
            if (comma >= floor && words(comma + 1, cueStart) >= MIN_WORDS) {
                start = comma + 1;
            }
            if (subjectEnd > start && words(subjectEnd, cueStart) >= 2) {
                start = subjectEnd;
            }
            return start;
        }

        /** Where the words leading up to a cue start: back over its speaker and a conjunction («and he added»). */
        private int leadStart(Hit hit, int sentenceStart) {
            int i = hit.from();
            Named before = namedEndingAt(i);
            if (before != null) {
                i = before.from();
            }
            while (i > 0 && (Lexicon.conjunction(tokens.get(i - 1).term()) || tokens.get(i - 1).term().equals("the"))
                    && tokens.get(i - 1).start() >= sentenceStart) {
                i--;
            }
            int offset = tokens.get(i).start();
            while (offset > sentenceStart && " ،,".indexOf(text.charAt(offset - 1)) >= 0) {
                offset--;
            }
            return offset;
        }

        /** «…, he said, …»: a speech verb set off by commas inside the sentence it attributes. */
        private boolean inlineAside(Hit hit, int sentenceStart) {
            int lead = leadStart(hit, sentenceStart);
            int end = tokens.get(hit.to() - 1).end();
            boolean commaBefore = lead > sentenceStart && text.startsWith(",", lead);
            boolean commaAfter = end < text.length() && text.charAt(end) == ',';
            return commaBefore && commaAfter || lead > sentenceStart && text.startsWith(",", lead) && sentenceEndsAt(end);
        }

        private boolean sentenceEndsAt(int offset) {
            int i = offset;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            return i >= text.length() || ".۔!?؟\n".indexOf(text.charAt(i)) >= 0;
        }

        // ---- speakers ----

        private record Attribution(SpeakerGuess guess, double certainty) {
        }

        /** The person a statement is attributed to is the one later pronouns and subjectless verbs refer to. */
        private void focusOn(SpeakerGuess speaker) {
            if (speaker == null) {
                return;
            }
            if (speaker.id() == null && speaker.name() != null) {
                unknown.computeIfAbsent(speaker.name(), key -> new int[1])[0]++;
            }
            if (speaker.id() != null && speakers.isPerson(speaker.id())) {
                focus = speaker.id();
                focusName = null;
            } else if (speaker.id() == null && speaker.name() != null) {
                focus = null;
                focusName = speaker.name();
            }
        }

        /** Who made the statement a cue marks: the speaker named at the cue, the clause's subject, or the one in focus. */
        private Attribution speaker(Hit hit, int sentenceStart, Mention cue) {
            Named attached = attachedSpeaker(hit, sentenceStart);
            if (attached != null) {
                return new Attribution(guess(attached), 1.0);
            }
            Named subject = clauseSubject(hit, sentenceStart);
            if (subject != null) {
                return new Attribution(guess(subject), 0.9);
            }
            if (focus == null && focusName != null) {
                return new Attribution(new SpeakerGuess(null, focusName, cue), 0.75);
            }
            String id = focus != null ? focus : participants.isEmpty() ? null : participants.get(0);
            if (id == null) {
                return new Attribution(null, 0.5);
            }
            return new Attribution(new SpeakerGuess(id, null, cue), 0.85);
        }

        /**
         * The subject of the clause a cue is in, other than one named as an object: in Persian and Urdu, which put the
         * subject first, and in Arabic, which puts it right after the first verb (its object, unmarked, comes after it:
         * «استقبل قائد الثورة رئيس الوزراء»), the first person named after the last comma before the cue, else the first
         * in the sentence; in English, the last one named before the cue.
         */
        private Named clauseSubject(Hit hit, int sentenceStart) {
            int cueStart = tokens.get(hit.from()).start();
            List<Named> before = new ArrayList<>();
            for (Named mention : namedWithin(Math.max(firstToken(sentenceStart), hit.from() - SUBJECT_REACH), hit.from())) {
                int mentionStart = tokens.get(mention.from()).start();
                if (mentionStart >= sentenceStart && tokens.get(mention.to() - 1).end() <= cueStart && !objectOf(mention)
                        && !inQuote(mentionStart) && (mention.id() == null || speakers.isPerson(mention.id()))) {
                    before.add(mention);
                }
            }
            if (before.isEmpty()) {
                return null;
            }
            if (lang.equals("en")) {
                return before.get(before.size() - 1);
            }
            int comma = Math.max(text.lastIndexOf('،', cueStart - 1), text.lastIndexOf(',', cueStart - 1));
            for (Named mention : before) {
                if (tokens.get(mention.from()).start() > comma) {
                    return mention;
                }
            }
            return before.get(0);
        }

        /** A speaker named right at the cue: «قال سماحته», «he stated», «انھوں نے کہا», «said Ayatollah Khamenei». */
        private Named attachedSpeaker(Hit hit, int sentenceStart) {
            Named after = attachedAfter(hit);
            if (after != null) {
                return after;
            }
            int i = hit.from();
            if (lang.equals("ur") && i > 0 && tokens.get(i - 1).term().equals(Lexicon.ERGATIVE)) {
                i--;
            }
            while (i > 0 && Lexicon.honorific(tokens.get(i - 1).term())) {
                i--;
            }
            Named before = namedEndingAt(i);
            if (before != null && tokens.get(before.from()).start() >= sentenceStart && !objectOf(before)
                    && !inQuote(tokens.get(before.from()).start())) {
                return before;
            }
            return null;
        }

        /** In Arabic and English, the speaker named right after the verb («قال سماحته», «said Ayatollah Khamenei»). */
        private Named attachedAfter(Hit hit) {
            if (!lang.equals("ar") && !lang.equals("en")) {
                return null;
            }
            int next = namedAfter(hit.to(), tokens.get(hit.to() - 1).end());
            return next < 0 ? null : namedStartingAt(next);
        }

        private SpeakerGuess guess(Named mention) {
            int start = tokens.get(mention.from()).start();
            int end = tokens.get(mention.to() - 1).end();
            Mention words = Mention.of(text, start, end);
            String id = resolve(mention);
            if (id != null) {
                return new SpeakerGuess(id, null, words);
            }
            return new SpeakerGuess(null, mention.kind() == Kind.PRONOUN ? focusName : words.text(), words);
        }

        private String resolve(Named mention) {
            int index = startingAt[mention.from()];
            if (mention.kind() == Kind.PRONOUN) {
                String id = focus != null || focusName != null ? focus : participants.isEmpty() ? null : participants.get(0);
                resolved[index] = id;
                return id;
            }
            resolved[index] = mention.id();
            return mention.id();
        }

        /** The subject of a sentence without speech: its first person named other than as an object. */
        private String subject(int first, int last) {
            for (Named mention : namedWithin(first, Math.min(last, first + SUBJECT_REACH))) {
                if (mention.from() >= first && mention.to() <= last && !objectOf(mention)
                        && !inQuote(tokens.get(mention.from()).start())) {
                    if (mention.kind() == Kind.PRONOUN) {
                        return focus;
                    }
                    if (mention.id() != null && speakers.isPerson(mention.id())) {
                        return mention.id();
                    }
                }
            }
            return null;
        }

        /**
         * Whether a mention names someone as an object (met Lukashenko, در دیدار آقای لوکاشنکو, لوکاشنکو سے): by the word
         * before it, or in Urdu the postposition after it; a name in apposition to an object is one too.
         */
        private boolean objectOf(Named mention) {
            int i = mention.from();
            while (i > 0) {
                String before = tokens.get(i - 1).term();
                if (Lexicon.honorific(before) || before.equals("the")) {
                    i--;
                    continue;
                }
                Named previous = namedEndingAt(i);
                if (previous != null && previous != mention && commaOrSpaceOnly(tokens.get(previous.to() - 1).end(), i)) {
                    i = previous.from();
                    continue;
                }
                break;
            }
            if (i > 0 && Lexicon.objectMarker(lang, tokens.get(i - 1).term())
                    && !text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).contains("،")) {
                return true;
            }
            if (i > 0 && lang.equals("ar") && objectPrefix(tokens.get(mention.from()).term())) {
                return true;
            }
            if (lang.equals("ur") && mention.to() < tokens.size()) {
                String after = tokens.get(mention.to()).term();
                return Lexicon.objectMarker(lang, after) && !after.equals(Lexicon.ERGATIVE);
            }
            return false;
        }

        private boolean objectPrefix(String term) {
            return term.startsWith("ب") && term.length() > 4 && term.startsWith("بال") || term.startsWith("لل");
        }

        private Named namedStartingAt(int token) {
            return token >= 0 && token < startingAt.length && startingAt[token] >= 0 ? named.get(startingAt[token]) : null;
        }

        private Named namedEndingAt(int token) {
            return token >= 0 && token < endingAt.length && endingAt[token] >= 0 ? named.get(endingAt[token]) : null;
        }

        /** The mentions whose first token lies in {@code [first, last)}, in order. */
        private List<Named> namedWithin(int first, int last) {
            int low = 0;
            int high = named.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (named.get(mid).from() < first) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            int end = low;
            while (end < named.size() && named.get(end).from() < last) {
                end++;
            }
            return named.subList(low, end);
        }

        /**
         * The people the report names, most often named first: catalogue speakers by id (pronouns counted for the one
         * they refer to), and people the catalogue lacks by their name as written, when a statement is theirs.
         */
        List<SpeakerTally> tally() {
            Map<String, int[]> known = new LinkedHashMap<>();
            for (int k = 0; k < named.size(); k++) {
                String id = named.get(k).kind() == Kind.PRONOUN ? resolved[k] : named.get(k).id();
                if (id != null) {
                    known.computeIfAbsent(id, key -> new int[1])[0]++;
                }
            }
            List<SpeakerTally> tallies = new ArrayList<>();
            known.forEach((id, count) -> tallies.add(new SpeakerTally(id, null, count[0])));
            unknown.forEach((name, count) -> tallies.add(new SpeakerTally(null, name, count[0])));
            tallies.sort(java.util.Comparator.comparingInt(SpeakerTally::mentions).reversed()
                    .thenComparing(tally -> tally.id() == null ? "~" + tally.name() : tally.id()));
            return tallies;
        }

        // ---- text ----

        private int firstToken(int offset) {
            int low = 0;
            int high = tokens.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (tokens.get(mid).start() < offset) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private int words(int from, int to) {
            return Math.max(0, firstToken(to) - firstToken(from));
        }

        private int skipSpace(int offset) {
            int i = offset;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        /** A statement's bounds without the spaces and closing punctuation around it, nor quotation marks that wrap it all. */
        private int[] tidy(int from, int to) {
            int start = skipSpace(from);
            int end = Math.min(to, text.length());
            while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || ".۔،,:;!؟?".indexOf(text.charAt(end - 1)) >= 0
                    || text.charAt(end - 1) == '\u200F' || text.charAt(end - 1) == '\u200E')) {
                end--;
            }
            for (int[] quote : quotes) {
                if (quote[0] == start && quote[1] == end - 1) {
                    start++;
                    end--;
                    break;
                }
                if (quote[0] == start && quote[1] >= end && quote[1] <= to) {
                    start++;
                    break;
                }
            }
            while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || ".۔،,:;".indexOf(text.charAt(end - 1)) >= 0)) {
                end--;
            }
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (end <= start) {
                return null;
            }
            return new int[] {start, end};
        }

        private boolean inQuote(int offset) {
            for (int[] quote : speech) {
                if (offset > quote[0] && offset < quote[1]) {
                    return true;
                }
            }
            return false;
        }

        private int[] quoteStartingAt(int offset) {
            int at = skipSpace(offset);
            for (int[] quote : quotes) {
                if (quote[0] == at) {
                    return quote;
                }
            }
            return null;
        }

        private int[] quoteEndingBefore(int offset) {
            int at = offset;
            while (at > 0 && " ,،".indexOf(text.charAt(at - 1)) >= 0) {
                at--;
            }
            for (int[] quote : quotes) {
                if (quote[1] == at - 1 || quote[1] == at - 2 && ",.،".indexOf(text.charAt(at - 1)) >= 0) {
                    return quote;
                }
            }
            return null;
        }

        /** Whether most of a stretch lies inside quotation marks. */
        private boolean quoted(int from, int to) {
            int inside = 0;
            for (int[] quote : quotes) {
                int a = Math.max(from, quote[0]);
                int b = Math.min(to, quote[1] + 1);
                if (b > a) {
                    inside += b - a;
                }
            }
            return inside >= 0.8 * (to - from);
        }

        /** Persian and Urdu reported speech that keeps the speaker's own person («ما معتقدیم», «ہمارا ماننا ہے»). */
        private boolean firstPersonVoice(int from, int to) {
            if (!lang.equals("fa") && !lang.equals("ur")) {
                return false;
            }
            int first = firstToken(from);
            int last = firstToken(to);
            for (int i = first; i < Math.min(last, first + 4); i++) {
                if (Lexicon.thirdPerson(lang, tokens.get(i).term())) {
                    return false;
                }
            }
            for (int i = first; i < last; i++) {
                if (Lexicon.firstPerson(lang, tokens.get(i).term()) && !inQuote(tokens.get(i).start())) {
                    return true;
                }
            }
            return false;
        }

        private Candidate trim(Candidate candidate, int end, int minWords) {
            return trim(candidate, candidate.start(), end, minWords);
        }

        private Candidate trim(Candidate candidate, int start, int end, int minWords) {
            int[] span = tidy(start, end);
            if (span == null || words(span[0], span[1]) < minWords) {
                return null;
            }
            return new Candidate(text.substring(span[0], span[1]), new Span(span[0], span[1]), candidate.mode(),
                    candidate.speaker(), candidate.cue(), candidate.confidence());
        }
    }
}
