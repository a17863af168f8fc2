package org.dicta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The explorer's page as served, before any script runs (as a feed reader reads it): its head names the feed of all
 * quotes in Atom, once.
 */
class ExplorerFeedDiscoveryTest {

    private static final Pattern HEAD = Pattern.compile("<head>(.*?)</head>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<link\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    @Test
    void indexHtmlLinksTheFeedOfAllQuotesInItsHead() throws IOException {
        List<Map<String, String>> links = headLinks();
        for (String type : List.of("application/atom+xml")) {
            List<Map<String, String>> alternates = links.stream()
                    .filter(link -> "alternate".equals(link.get("rel")) && type.equals(link.get("type")))
                    .toList();
            assertThat(alternates).as("<link rel=alternate type=%s>", type).hasSize(1);
            Map<String, String> alternate = alternates.get(0);
            URI resolved = URI.create("http://localhost:8080/").resolve(alternate.get("href"));
            assertThat(resolved.getPath()).isEqualTo("/api/v1/feeds/quotes");
            assertThat(resolved.getQuery()).as("all quotes: no filter").isNull();
            assertThat(alternate.get("title")).startsWith("Dicta: all quotes");
        }
    }

    private static List<Map<String, String>> headLinks() throws IOException {
        String page;
        try (InputStream in = ExplorerFeedDiscoveryTest.class.getResourceAsStream("/META-INF/resources/index.html")) {
            assertThat(in).as("the explorer's index.html").isNotNull();
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher head = HEAD.matcher(page);
        assertThat(head.find()).as("a <head>").isTrue();
        List<Map<String, String>> links = new ArrayList<>();
        Matcher link = LINK.matcher(head.group(1));
        while (link.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(link.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            links.add(attributes);
        }
        return links;
    }
}
