package org.dicta.quote;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import org.dicta.meeting.MeetingSummary;
import org.dicta.source.SourceSummary;
import org.dicta.speaker.SpeakerSummary;
import org.dicta.topic.TopicView;

/**
 * Everything a read shows of a quote, in every language: what the read model stores for each quote, and what a
 * representation in any language is made from without going back to the database.
 *
 * @param speaker with the speaker's names in every language (a read picks those it serves)
 * @param meeting with the meeting's titles in every language
 * @param topics  with each topic's labels in every language
 */
public record QuoteRecord(String id, long version, OffsetDateTime updatedAt, SpeakerSummary speaker, MeetingSummary meeting,
        List<TopicView> topics, List<Variant> variants, OffsetDateTime retractedAt, String retractionReason) {

    /** One variant, with its source's summary. */
    public record Variant(long id, String lang, String text, QuoteMode mode, SourceSummary source, int spanStart, int spanEnd,
            String note) {
    }

    /** The record of a quote as its entities hold it now. */
    static QuoteRecord of(Quote quote) {
        return new QuoteRecord(quote.id, quote.version, quote.updatedAt,
                new SpeakerSummary(quote.speaker.id, quote.speaker.kind, new LinkedHashMap<>(quote.speaker.names())),
                new MeetingSummary(quote.meeting.id, quote.meeting.date, new LinkedHashMap<>(quote.meeting.titles())),
                quote.topics.stream().map(topic -> new TopicView(topic.id, new LinkedHashMap<>(topic.labels))).toList(),
                quote.variants.stream().map(v -> new Variant(v.id, v.lang, v.text, v.mode, SourceSummary.from(v.source),
                        v.spanStart, v.spanEnd, v.note)).toList(),
                quote.retractedAt, quote.retractionReason);
    }

    /** What changes whenever anything the record shows does (a rename of the speaker touches the quote's updated_at). */
    static String stamp(long version, OffsetDateTime updatedAt) {
        return version + "/" + updatedAt.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    String stamp() {
        return stamp(version, updatedAt);
    }

    boolean retracted() {
        return retractedAt != null;
    }
}
