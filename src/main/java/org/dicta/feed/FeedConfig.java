package org.dicta.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the feeds of quotes: the authority of their ids, page size, and how far a search's feed reaches. */
@ConfigMapping(prefix = "dicta.feeds")
public interface FeedConfig {

    /**
     * The tagging entity of the feeds' and entries' ids ({@code tag:} URIs, RFC 4151): a domain name the publisher
     * holds and a date when it held it, e.g. {@code news.example.org,2026}. Ids must never change once readers
     * subscribe (a new id is a new entry to them), so set it once, before the feeds are published; it does not depend
     * on the host name a request used.
     */
    @WithDefault("dicta.example,2026")
    String tagAuthority();

    /** Entries on a page when a request gives no {@code limit}. */
    @WithDefault("50")
    int pageSize();

    /**
     * With a full-text query, how many matching quotes (those of the newest meetings) the feed puts in change order;
     * older matches are left out of it.
     */
    @WithDefault("1000")
    int searchCap();

    /** How many words of a statement an entry's title shows. */
    @WithDefault("12")
    int titleWords();
}
