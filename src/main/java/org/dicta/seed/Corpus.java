package org.dicta.seed;

import java.util.List;
import org.dicta.language.Language;
import org.dicta.meeting.Meeting;
import org.dicta.quote.Quote;
import org.dicta.source.Source;
import org.dicta.speaker.Speaker;
import org.dicta.topic.Topic;

/** A checked corpus, ready to persist: every reference resolved, every span located in its source. */
public record Corpus(String annotationsSha256, List<Language> languages, List<Topic> topics, List<Speaker> speakers, List<Source> sources,
        List<Meeting> meetings, List<Quote> quotes) {

    public int variantCount() {
        return quotes.stream().mapToInt(quote -> quote.variants.size()).sum();
    }
}
