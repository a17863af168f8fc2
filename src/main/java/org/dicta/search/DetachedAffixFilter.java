package org.dicta.search;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Joins Persian and Urdu affixes to their word, whether a text writes them with a zero-width non-joiner, a space, or
 * nothing: «خامنه‌ای», «خامنه ای» and «خامنهای» all become one token, and so do «تحریم‌ها», «تحریم ها» and «تحریمها».
 * Texts that lost their ZWNJs (as the seeds did) then match queries typed correctly, and vice versa.
 *
 * <p>Expects folded tokens (after the Arabic and Persian normalisers) and a char filter that deletes ZWNJ, so that
 * only the space form reaches it as two tokens. A joined token spans both words' offsets.
 */
public final class DetachedAffixFilter extends TokenFilter {

    /** Suffixes written after a ZWNJ or space (folded forms: ي for ی). */
    private static final Set<String> SUFFIXES = Set.of("اي", "ها", "هاي", "هايي", "تر", "ترين", "اند", "ايم", "ايد");
    /** Verbal prefixes written before a ZWNJ or space. */
    private static final Set<String> PREFIXES = Set.of("مي", "نمي");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    /** A token read ahead that did not join; emitted next. */
    private AttributeSource.State pending;

    public DetachedAffixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
        } else if (!input.incrementToken()) {
            return false;
        }
        if (!isArabicScript(term)) {
            return true;
        }
        AttributeSource.State first = captureState();
        StringBuilder joined = new StringBuilder(term);
        int start = offset.startOffset();
        int end = offset.endOffset();
        String last = joined.toString();
        while (input.incrementToken()) {
            boolean join = isArabicScript(term) && increment.getPositionIncrement() == 1
                    && (PREFIXES.contains(last) || SUFFIXES.contains(term.toString()));
            if (!join) {
                pending = captureState();
                break;
            }
            last = term.toString();
            joined.append(term);
            end = offset.endOffset();
        }
        restoreState(first);
        term.setEmpty().append(joined);
        offset.setOffset(start, end);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }

    private static boolean isArabicScript(CharTermAttribute term) {
        return term.length() > 0 && Character.UnicodeScript.of(term.charAt(0)) == Character.UnicodeScript.ARABIC;
    }
}
