package org.dicta.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Arabic-script forms that Lucene's Arabic and Persian normalisers leave alone, mostly Urdu's:
 * heh doachashmee ھ, teh marbuta goal ۃ and heh goal with hamza ۂ become heh ه; alef wasla ٱ becomes alef ا;
 * Quranic and other combining marks beyond the harakat (U+0610–U+061A, U+0653–U+065F, superscript alef U+0670,
 * U+06D6–U+06ED) are removed. Runs before {@code PersianNormalizationFilter} and {@code ArabicNormalizationFilter},
 * which fold the rest (ی ے ى → ي, ک → ك, ہ ۀ ة → ه, أ إ آ → ا, harakat, tatweel).
 */
public final class ArabicScriptFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public ArabicScriptFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        int kept = 0;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (isRemovableMark(c)) {
                continue;
            }
            buffer[kept++] = fold(c);
        }
        term.setLength(kept);
        return true;
    }

    static char fold(char c) {
        return switch (c) {
            case '\u06BE', '\u06C3', '\u06C2' -> '\u0647'; // ھ ۃ ۂ → ه
            case '\u0671' -> '\u0627'; // ٱ → ا
            default -> c;
        };
    }

    static boolean isRemovableMark(char c) {
        return (c >= '\u0610' && c <= '\u061A')
                || (c >= '\u0653' && c <= '\u065F')
                || c == '\u0670'
                || (c >= '\u06D6' && c <= '\u06ED');
    }
}
