package org.dicta.finder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicta.search.Analysis;
import org.dicta.search.Token;
import org.dicta.search.Tokens;

/**
 * The catalogue's names, aliases and titles in every script, folded as search folds them, and the way a report's words
 * are matched against them: a whole name or alias; a person's surname alone; a title, whole or by its head word with
 * the words that qualify it nearby (the Belarusian President, رئيس بيلاروسيا, بیلاروس کے صدر). A name written in any
 * script matches, whatever the report's language.
 */
final class SpeakerIndex {

    /** A speaker named in a report: tokens {@code [from, to)} of the report, the speaker id, and how they were named. */
    record Named(int from, int to, String id, Kind kind) {
    }

    enum Kind {
        NAME, TITLE, PRONOUN, UNKNOWN
    }

    private record Pattern(List<String> terms, String id, Kind kind) {
    }

    /** A title by its head word: the words after the head that qualify it (of Belarus, الإيراني). */
    private record Title(String id, List<String> qualifiers, boolean reversed) {
    }

    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<String, List<Title>> titlesByHead = new HashMap<>();
    private final Map<String, Boolean> people = new HashMap<>();

    SpeakerIndex(Catalogue catalogue) {
        for (Catalogue.Person person : catalogue.speakers()) {
            people.put(person.id(), person.person());
            person.names().forEach((lang, names) -> names.forEach(name -> addName(person, name)));
            person.titles().forEach((lang, titles) -> titles.forEach(title -> addTitle(person.id(), title)));
        }
        patterns.sort(Comparator.comparingInt((Pattern pattern) -> pattern.terms().size()).reversed());
    }

    private void addName(Catalogue.Person person, String name) {
        List<String> terms = fold(name);
        if (terms.isEmpty()) {
            return;
        }
        patterns.add(new Pattern(terms, person.id(), Kind.NAME));
        String surname = terms.get(terms.size() - 1);
        if (person.person() && terms.size() > 1 && surname.length() >= 4) {
            patterns.add(new Pattern(List.of(surname), person.id(), Kind.NAME));
        }
    }

    private void addTitle(String id, String title) {
        List<String> terms = new ArrayList<>(fold(title));
        terms.removeIf(SpeakerIndex::filler);
        if (terms.isEmpty()) {
            return;
        }
        patterns.add(new Pattern(fold(title), id, Kind.TITLE));
        String head = bare(terms.get(0));
        titlesByHead.computeIfAbsent(head, key -> new ArrayList<>())
                .add(new Title(id, terms.subList(1, terms.size()).stream().map(SpeakerIndex::bare).toList(), false));
        // Urdu and Persian put the qualifier first: «بیلاروس کے صدر»; index the last word as a head too.
        String last = bare(terms.get(terms.size() - 1));
        if (terms.size() > 1 && !last.equals(head)) {
            titlesByHead.computeIfAbsent(last, key -> new ArrayList<>())
                    .add(new Title(id, terms.subList(0, terms.size() - 1).stream().map(SpeakerIndex::bare).toList(), true));
        }
    }

    boolean isPerson(String id) {
        return people.getOrDefault(id, true);
    }

    /**
     * The speakers a report names, left to right, without overlaps: names and whole titles first, then titles by their
     * head word, then pronouns.
     */
    List<Named> find(String lang, String text, List<Token> tokens, List<String> participants) {
        List<Named> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Named named = matchPattern(tokens, i);
            if (named == null) {
                named = matchTitleHead(text, tokens, i, participants);
            }
            if (named == null && Lexicon.pronoun(lang, tokens.get(i).term())) {
                named = new Named(i, i + 1, null, Kind.PRONOUN);
            }
            if (named == null) {
                named = unknown(lang, text, tokens, i, participants);
            }
            if (named != null) {
                found.add(named);
                i = named.to();
            } else {
                i++;
            }
        }
        return found;
    }

    /** Words of English that start a sentence or a phrase in capitals without being a name. */
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "those", "in", "on", "at", "during",
            "after", "before", "he", "she", "it", "they", "we", "our", "his", "her", "a", "an", "but", "and", "while", "when",
            "as", "if", "both", "referring", "alluding", "speaking", "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "islamic", "united", "north", "south", "east", "west");

    /** Words that make a run of capitalised English words an outlet or an institution, not a person (Islam Times). */
    private static final Set<String> INSTITUTIONS = Set.of("times", "news", "press", "agency", "tv", "radio", "post", "daily",
            "tribune", "herald", "network", "channel", "online", "gazette", "journal", "ministry", "office", "organization",
            "organisation", "council", "university", "committee", "assembly", "parliament", "republic", "government", "party");

    /** Words that name an office in Arabic, Persian and Urdu, and so start the name of a person the catalogue lacks. */
    private static final Set<String> OFFICES = Lexicon.foldAll("وزير", "الوزير", "المتحدث", "الناطق", "سفير", "السفير", "مساعد",
            "نائب", "مستشار", "وزیر", "سخنگوی", "سفیر", "معاون", "مشاور", "نماینده", "وزیراعظم", "ترجمان", "مشیر", "نمائندے");

    /**
     * A person the catalogue does not hold, by the shape of a name: in English two or more capitalised words (Foreign
     * Minister Sergei Lavrov); in Arabic, Persian and Urdu an office and the words after it (وزير الخارجية سامح شكري),
     * up to four and not past punctuation or a word of speech.
     */
    private Named unknown(String lang, String text, List<Token> tokens, int at, List<String> participants) {
        int end = at;
        if (lang.equals("en")) {
            while (end < tokens.size() && end - at < 5 && capitalised(text, tokens.get(end))
                    && !NOT_NAMES.contains(tokens.get(end).term()) && (end == at || spaceOnly(text, tokens, end - 1, end))
                    && (end == at || !known(text, tokens, end, participants))) {
                end++;
            }
            boolean institution = tokens.subList(at, end).stream().anyMatch(token -> INSTITUTIONS.contains(token.term()));
            return end - at >= 2 && !institution ? new Named(at, end, null, Kind.UNKNOWN) : null;
        }
        if (!OFFICES.contains(tokens.get(at).term())) {
            return null;
        }
        end = at + 1;
        while (end < tokens.size() && end - at < 5 && spaceOnly(text, tokens, end - 1, end)
                && !Lexicon.startsCue(lang, tokens.get(end).term()) && !Lexicon.objectMarker(lang, tokens.get(end).term())
                && !Lexicon.conjunction(tokens.get(end).term()) && !tokens.get(end).term().equals(Lexicon.ERGATIVE)
                && !Lexicon.complementiser(lang, tokens.get(end).term())) {
            end++;
        }
        return end - at >= 2 ? new Named(at, end, null, Kind.UNKNOWN) : null;
    }

    /** Whether a catalogue speaker's name or title starts at a token: an unknown name stops before it (Mr Lukashenko). */
    private boolean known(String text, List<Token> tokens, int at, List<String> participants) {
        return matchPattern(tokens, at) != null || matchTitleHead(text, tokens, at, participants) != null;
    }

    private static boolean capitalised(String text, Token token) {
        return Character.isUpperCase(text.charAt(token.start()));
    }

    private Named matchPattern(List<Token> tokens, int at) {
        for (Pattern pattern : patterns) {
            List<String> terms = pattern.terms();
            if (at + terms.size() > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < terms.size() && all; k++) {
                all = same(tokens.get(at + k).term(), terms.get(k));
            }
            if (all) {
                return new Named(at, at + terms.size(), pattern.id(), pattern.kind());
            }
        }
        return null;
    }

    /** A title by its head word, qualified by words up to three tokens before or four after it. */
    private Named matchTitleHead(String text, List<Token> tokens, int at, List<String> participants) {
        List<Title> titles = titlesByHead.get(bare(tokens.get(at).term()));
        if (titles == null) {
            return null;
        }
        Title best = null;
        int bestScore = -1;
        int bestFrom = at;
        int bestTo = at + 1;
        int low = at;
        while (low > 0 && at - low < 3 && spaceOnly(text, tokens, low - 1, low)) {
            low--;
        }
        int high = at + 1;
        while (high < tokens.size() && high - at < 5 && spaceOnly(text, tokens, high - 1, high)) {
            high++;
        }
        for (Title title : titles) {
            int score = 0;
            int from = at;
            int to = at + 1;
            for (String qualifier : title.qualifiers()) {
                for (int k = low; k < high; k++) {
                    if (k != at && close(bare(tokens.get(k).term()), qualifier)) {
                        score++;
                        from = Math.min(from, k);
                        to = Math.max(to, k + 1);
                        break;
                    }
                }
            }
            boolean better = score > bestScore
                    || score == bestScore && best != null && rank(participants, title.id()) < rank(participants, best.id());
            if (better) {
                best = title;
                bestScore = score;
                bestFrom = from;
                bestTo = to;
            }
        }
        if (best == null || bestScore == 0 && (best.reversed() || !participants.contains(best.id()))) {
            return null;
        }
        if (bestScore == 0) {
            long rivals = titles.stream().map(Title::id).filter(participants::contains).distinct().count();
            if (rivals > 1 && tokens.get(at).term().length() < 3) {
                return null;
            }
        }
        return new Named(bestFrom, bestTo, best.id(), Kind.TITLE);
    }

    /** Whether only spaces (no punctuation) stand between two adjacent tokens. */
    private static boolean spaceOnly(String text, List<Token> tokens, int left, int right) {
        return text.substring(tokens.get(left).end(), tokens.get(right).start()).chars()
                .allMatch(c -> Character.isWhitespace(c) || c == '\u200C');
    }

    private static int rank(List<String> participants, String id) {
        int index = participants.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static List<String> fold(String text) {
        return Tokens.of(text, Analysis.JOINED).stream().map(Token::term).toList();
    }

    /** Words a title has that say nothing of who holds it. */
    private static boolean filler(String term) {
        return switch (term) {
            case "the", "of", "and", "for", "کے", "كي", "كا", "كے", "ي", "و" -> true;
            default -> false;
        };
    }

    /** A word without the Arabic article, so that «الرئيس» is «رئيس». */
    static String bare(String term) {
        if (term.startsWith("ال") && term.length() > 4) {
            return term.substring(2);
        }
        if ((term.startsWith("وال") || term.startsWith("بال")) && term.length() > 5) {
            return term.substring(3);
        }
        return term;
    }

    /** Two spellings of one word: equal, or one the other's stem (Belarus, Belarusian; بيلاروسيا, البيلاروسي). */
    static boolean close(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int common = 0;
        while (common < a.length() && common < b.length() && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= 4 && common >= Math.min(a.length(), b.length()) - 1;
    }

    /** A report's word and a name's word: equal, or the same with the Arabic article or a conjunction before it. */
    private static boolean same(String word, String name) {
        return word.equals(name) || word.equals("و" + name) || word.equals("ب" + name) || word.equals("ل" + name)
                || bare(word).equals(bare(name)) && bare(name).length() >= 3;
    }
}
