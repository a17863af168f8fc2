package org.dicta.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analysis chain for indexing and querying text in Arabic, Persian, Urdu and English, so that a journalist
 * finds a text however either side wrote it:
 *
 * <ol>
 *   <li>zero-width non-joiners and joiners, direction marks and soft hyphens are deleted (char filter, offsets kept);</li>
 *   <li>words are split by Unicode rules (UAX #29);</li>
 *   <li>Latin case and accents are folded (lower case, ASCII folding);</li>
 *   <li>every decimal digit (Arabic-Indic ٣٠, Persian ۳۰) becomes ASCII;</li>
 *   <li>Arabic-script letter forms are folded: Dicta's {@link ArabicScriptFoldingFilter} for Urdu forms and extra marks,
 *       then Lucene's Persian (ی ے → ي, ک → ك, ہ ۀ → ه) and Arabic (أ إ آ → ا, ى → ي, ة → ه, harakat, tatweel)
 *       normalisers;</li>
 *   <li>for Persian and Urdu texts only, detached affixes are joined to their word ({@link DetachedAffixFilter}).</li>
 * </ol>
 *
 * No stemming and no stop words: phrase search stays exact, and every word can be searched.
 */
public final class SearchAnalyzer extends Analyzer {

    private final boolean joinAffixes;

    /** @param joinAffixes whether to join detached Persian and Urdu affixes (see {@link Analysis}) */
    public SearchAnalyzer(boolean joinAffixes) {
        this.joinAffixes = joinAffixes;
    }

    private static final NormalizeCharMap INVISIBLES;

    static {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String invisible : new String[] {"\u200C", "\u200D", "\u200E", "\u200F", "\u00AD", "\u061C"}) {
            builder.add(invisible, "");
        }
        INVISIBLES = builder.build();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(INVISIBLES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new DecimalDigitFilter(stream);
        stream = new ArabicScriptFoldingFilter(stream);
        stream = new PersianNormalizationFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        if (joinAffixes) {
            stream = new DetachedAffixFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return initReader(fieldName, reader);
    }
}
