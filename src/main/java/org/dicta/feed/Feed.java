package org.dicta.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of a feed of quotes, as both formats write it (Atom and JSON Feed): what the feed is, its links, and its
 * entries, most recently changed first. Every link is absolute.
 *
 * @param lang      the language the feed was asked for ({@code lang}), or null for every language
 * @param updated   when the newest entry of the whole feed (not only this page) last changed
 * @param alternate the explorer's search view with the same filters
 * @param next      the page of older entries, or null on the last page
 */
record Feed(String id, String title, String lang, Instant updated, String self, String alternate, String first, String next,
        List<Entry> entries) {

    /**
     * One quote. A retracted quote is a tombstone: only its id, links, when and why are shown.
     *
     * @param title      the speaker's name and the statement's first words, in {@code titleLang}
     * @param published  when the quote was first recorded
     * @param updated    when it last changed
     * @param correction the reason of its latest correction, or null when it was never corrected
     * @param tombstone  its retraction, or null while it stands
     */
    record Entry(String quoteId, String id, String title, String titleLang, Instant published, Instant updated,
            Author author, List<Category> categories, List<Variant> variants, String alternate, String related,
            Correction correction, Tombstone tombstone) {
    }

    /** The speaker: name in the entry's language, and the speaker's API URL. */
    record Author(String name, String uri) {
    }

    /** A topic: its id as the term, its label in the entry's language. */
    record Category(String term, String label, String scheme) {
    }

    /**
     * One report of the statement, in its language and direction, with its source.
     *
     * @param sourceApi  the source's full text in the API
     * @param sourceView the explorer's view of the source with the statement's span marked
     */
    record Variant(long id, String lang, String dir, String mode, String text, String note, String publisher, String headline,
            LocalDate sourceDate, String sourceApi, String sourceView) {
    }

    /** The latest correction of a quote: when, and the editor's reason (may be null when none was given). */
    record Correction(Instant at, String reason) {
    }

    /** A retraction: when, and the admin's reason. */
    record Tombstone(Instant at, String reason) {
    }
}
