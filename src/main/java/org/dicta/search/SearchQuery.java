package org.dicta.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    /** Each clause is a sequence of folded terms: one term, or a phrase. */
    private final List<List<String>> clauses;

    private SearchQuery(String text, List<List<String>> clauses) {
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
        List<List<String>> clauses = new ArrayList<>();
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
            String phrase = end < 0 ? text.substring(i + 1) : text.substring(i + 1, end);
            List<String> terms = Tokens.terms(phrase);
            if (!terms.isEmpty()) {
                clauses.add(terms);
            }
            words.append(' ');
            i = end < 0 ? text.length() : end + 1;
        }
        // Words outside quotes are analysed together, so that «خامنه ای» joins as it does in indexed texts.
        Tokens.terms(words.toString()).forEach(term -> clauses.add(List.of(term)));
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("has no word to search for");
        }
        return new SearchQuery(text, List.copyOf(clauses));
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

    /** The Lucene query over a text field: every clause must match. */
    public Query toLucene(String field) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (List<String> clause : clauses) {
            if (clause.size() == 1) {
                query.add(new TermQuery(new Term(field, clause.get(0))), BooleanClause.Occur.MUST);
            } else {
                query.add(new PhraseQuery(field, clause.toArray(String[]::new)), BooleanClause.Occur.MUST);
            }
        }
        return query.build();
    }

    /** Where the query's words and phrases occur in a text, in UTF-16 code units, in order and without overlaps. */
    public List<Highlight> highlight(String text) {
        List<Token> tokens = Tokens.of(text);
        List<Highlight> found = new ArrayList<>();
        for (List<String> clause : clauses) {
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
