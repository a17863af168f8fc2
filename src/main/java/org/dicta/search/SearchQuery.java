package org.dicta.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A full-text query as journalists type it: words, all of which must occur, and phrases in double quotes ("…", “…”
 * or «…») whose words must occur in that order. Words and phrases go through {@link SearchAnalyzer}, as the indexed
 * texts did.
 */
public final class SearchQuery {

    /** Longest query accepted, in UTF-16 code units. */
    public static final int MAX_LENGTH = 500;

    private final String text;
    /** For each analysis, the clauses: each a sequence of folded terms, one term or a phrase. */
    private final Map<Analysis, List<List<String>>> clauses;

    private SearchQuery(String text, Map<Analysis, List<List<String>>> clauses) {
        this.text = text;
        this.clauses = clauses;
    }

    /**
     * @throws IllegalArgumentException when the text is too long or has no searchable word
     */
    public static SearchQuery parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        List<String> phrases = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char close = closingQuote(c);
            if (close == 0) {
                words.append(c);
                i++;
                continue;
            }
            int end = text.indexOf(close, i + 1);
            phrases.add(end < 0 ? text.substring(i + 1) : text.substring(i + 1, end));
            words.append(' ');
            i = end < 0 ? text.length() : end + 1;
        }
        Map<Analysis, List<List<String>>> clauses = new EnumMap<>(Analysis.class);
        for (Analysis analysis : Analysis.values()) {
            List<List<String>> analysed = new ArrayList<>();
            for (String phrase : phrases) {
                List<String> terms = Tokens.terms(phrase, analysis);
                if (!terms.isEmpty()) {
                    analysed.add(terms);
                }
            }
            // Words outside quotes are analysed together, so that «خامنه ای» joins as it does in Persian texts.
            Tokens.terms(words.toString(), analysis).forEach(term -> analysed.add(List.of(term)));
            if (analysed.isEmpty()) {
                throw new IllegalArgumentException("has no word to search for");
            }
            clauses.put(analysis, List.copyOf(analysed));
        }
        return new SearchQuery(text, clauses);
    }

    private static char closingQuote(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\u201C' -> '\u201D';
            case '\u00AB' -> '\u00BB';
            default -> 0;
        };
    }

    public String text() {
        return text;
    }

    /**
     * For each text field, one term that every variant matching in that field holds, named {@code field:term} as
     * {@link #fieldTerms} names a text's: a change to a quote can bring it into the results only if it holds one.
     */
    public Set<String> requiredTerms() {
        Set<String> required = new TreeSet<>();
        clauses.forEach((analysis, analysed) -> required.add(analysis.field() + ':' + analysed.get(0).get(0)));
        return required;
    }

    /** Every term of a text in a language, named {@code field:term}. */
    public static Set<String> fieldTerms(String text, String lang) {
        Analysis analysis = Analysis.of(lang);
        Set<String> terms = new HashSet<>();
        for (String term : Tokens.terms(text, analysis)) {
            terms.add(analysis.field() + ':' + term);
        }
        return terms;
    }

    /** The Lucene query: in either text field, every clause (analysed for that field) must match. */
    public Query toLucene() {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        clauses.forEach((analysis, analysed) -> {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (List<String> clause : analysed) {
                all.add(clause.size() == 1
                        ? new TermQuery(new Term(analysis.field(), clause.get(0)))
                        : new PhraseQuery(analysis.field(), clause.toArray(String[]::new)), BooleanClause.Occur.MUST);
            }
            either.add(all.build(), BooleanClause.Occur.SHOULD);
        });
        return either.build();
    }

    /**
     * Where the query's words and phrases occur in a text in the given language, in UTF-16 code units, in order and
     * without overlaps.
     */
    public List<Highlight> highlight(String text, String lang) {
        Analysis analysis = Analysis.of(lang);
        List<Token> tokens = Tokens.of(text, analysis);
        List<Highlight> found = new ArrayList<>();
        for (List<String> clause : clauses.get(analysis)) {
            for (int i = 0; i + clause.size() <= tokens.size(); i++) {
                if (matchesAt(tokens, i, clause)) {
                    found.add(new Highlight(tokens.get(i).start(), tokens.get(i + clause.size() - 1).end()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Highlight::start).thenComparingInt(Highlight::end));
        List<Highlight> merged = new ArrayList<>();
        for (Highlight highlight : found) {
            Highlight last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && highlight.start() <= last.end()) {
                merged.set(merged.size() - 1, new Highlight(last.start(), Math.max(last.end(), highlight.end())));
            } else {
                merged.add(highlight);
            }
        }
        return merged;
    }

    /**
     * Whether a text in the given language holds every word and phrase of the query, as the index finds it: each
     * clause, analysed as that language's texts are indexed, occurs in it (a phrase's words at consecutive positions).
     */
    public boolean matches(String text, String lang) {
        List<Token> tokens = Tokens.of(text, Analysis.of(lang));
        for (List<String> clause : clauses.get(Analysis.of(lang))) {
            boolean found = false;
            for (int i = 0; !found && i + clause.size() <= tokens.size(); i++) {
                found = matchesAt(tokens, i, clause);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAt(List<Token> tokens, int at, List<String> clause) {
        for (int k = 0; k < clause.size(); k++) {
            Token token = tokens.get(at + k);
            if (!token.term().equals(clause.get(k)) || token.position() != tokens.get(at).position() + k) {
                return false;
            }
        }
        return true;
    }

    /** A matched stretch of a text, in UTF-16 code units, end exclusive. */
    public record Highlight(int start, int end) {
    }
}
