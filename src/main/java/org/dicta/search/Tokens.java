package org.dicta.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Runs {@link SearchAnalyzer} over a string. */
public final class Tokens {

    private Tokens() {
    }

    /** The tokens of a string analysed for Persian and Urdu (affixes joined), as for names in any language. */
    public static List<Token> of(String text) {
        return of(text, Analysis.JOINED);
    }

    public static List<Token> of(String text, Analysis analysis) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analysis.analyzer().tokenStream(analysis.field(), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return tokens;
    }

    /** The folded terms of a string, in order, analysed for Persian and Urdu. */
    public static List<String> terms(String text) {
        return terms(text, Analysis.JOINED);
    }

    public static List<String> terms(String text, Analysis analysis) {
        return of(text, analysis).stream().map(Token::term).toList();
    }
}
