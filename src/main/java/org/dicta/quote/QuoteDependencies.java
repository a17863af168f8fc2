package org.dicta.quote;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dicta.search.IndexedVariant;
import org.dicta.search.SearchQuery;
import org.dicta.web.ResponseCache;

/**
 * The names under which cached quote reads say what they show and changes say what they touch (see
 * {@link ResponseCache}), so that a change invalidates only the reads it can alter.
 *
 * <p>A read of one quote (or of its variants or revisions) depends on that quote. A page of a list depends on the
 * quotes it shows, which covers every change that makes one of them leave it or look different; and on one
 * restriction of its filter that every quote it could show satisfies (a speaker, the meeting, a topic, a word of the
 * query, the language), which covers every change that could bring a quote into it. A list with none of these (the
 * newest quotes of all) depends on any change.
 */
final class QuoteDependencies {

    private QuoteDependencies() {
    }

    static String quote(String id) {
        return "quote:" + id;
    }

    /** What a page of quotes matching the filter, showing these quotes, depends on. */
    static Set<String> ofList(QuoteFilter filter, Collection<String> shown) {
        Set<String> names = new HashSet<>();
        shown.forEach(id -> names.add(quote(id)));
        if (!filter.speakers().isEmpty()) {
            filter.speakers().forEach(id -> names.add(speaker(id)));
        } else if (filter.meeting() != null) {
            names.add(meeting(filter.meeting()));
        } else if (!filter.topics().isEmpty()) {
            filter.topics().forEach(id -> names.add(topic(id)));
        } else if (filter.query() != null) {
            filter.query().requiredTerms().forEach(term -> names.add(word(term)));
        } else if (filter.lang() != null) {
            names.add(language(filter.lang()));
        } else {
            names.add(ResponseCache.ANY_CHANGE);
        }
        return names;
    }

    /**
     * What a change to a quote touches, from the quote as it now is (its variants as the index holds them; none when it
     * is gone). What it was before needs no name: a page it left showed it.
     */
    static Set<String> ofChange(String quoteId, List<IndexedVariant> now) {
        Set<String> names = new HashSet<>();
        names.add(quote(quoteId));
        for (IndexedVariant variant : now) {
            names.add(speaker(variant.speakerId()));
            names.add(meeting(variant.meetingId()));
            variant.topics().forEach(id -> names.add(topic(id)));
            names.add(language(variant.lang()));
            SearchQuery.fieldTerms(variant.text(), variant.lang()).forEach(term -> names.add(word(term)));
        }
        return names;
    }

    private static String speaker(String id) {
        return "speaker:" + id;
    }

    private static String meeting(String id) {
        return "meeting:" + id;
    }

    private static String topic(String id) {
        return "topic:" + id;
    }

    private static String language(String code) {
        return "lang:" + code;
    }

    private static String word(String fieldTerm) {
        return "word:" + fieldTerm;
    }
}
