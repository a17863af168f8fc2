package org.dicta.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The rules of RFC 4287 that the W3C feed validator checks and a schema cannot say: unique entry ids, {@code updated}
 * on the feed and on every entry, an author for every entry, absolute links and ids, RFC 3339 dates, one XHTML
 * {@code div} in xhtml content, and an alternate link or content in every entry. Also the DOM and XPath that tests
 * read tombstones and content with.
 */
final class AtomRules {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String XML_NS = XMLConstants.XML_NS_URI;

    /** RFC 3339's date-time (section 5.6). */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private static final XPath XPATH = xpath();

    private AtomRules() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("The feed is not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    static List<Element> elements(Node context, String expression) {
        try {
            NodeList nodes = (NodeList) XPATH.evaluate(expression, context, XPathConstants.NODESET);
            List<Element> found = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
            return found;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    static List<Node> nodes(Node context, String expression) {
        try {
            NodeList nodes = (NodeList) XPATH.evaluate(expression, context, XPathConstants.NODESET);
            List<Node> found = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add(nodes.item(i));
            }
            return found;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    static String text(Node context, String expression) {
        try {
            return XPATH.evaluate(expression, context);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    /** Checks every rule on a feed document; {@code requested} is the URL it was fetched from. */
    static void check(Document feed, String requested) {
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(elements(root, "a:id")).as("feed id").hasSize(1);
        assertThat(elements(root, "a:title")).as("feed title").hasSize(1);
        assertThat(elements(root, "a:updated")).as("feed updated").hasSize(1);
        assertThat(text(root, "a:title")).isNotBlank();
        absolute(text(root, "a:id"), "feed id");
        date(text(root, "a:updated"), "feed updated");
        assertThat(text(root, "a:link[@rel='self']/@href")).as("self link").isEqualTo(requested);
        for (Element link : elements(feed, "//a:link")) {
            absolute(link.getAttribute("href"), "link " + link.getAttribute("rel"));
        }
        for (Element uri : elements(feed, "//a:uri")) {
            absolute(uri.getTextContent(), "author uri");
        }
        for (Element category : elements(feed, "//a:category[@scheme]")) {
            absolute(category.getAttribute("scheme"), "category scheme");
        }
        absolute(text(root, "a:generator/@uri"), "generator uri");
        Set<String> ids = new HashSet<>();
        boolean feedAuthor = !elements(root, "a:author").isEmpty();
        for (Element entry : elements(root, "a:entry")) {
            String id = text(entry, "a:id");
            assertThat(elements(entry, "a:id")).as("id of " + id).hasSize(1);
            assertThat(ids.add(id)).as("entry id " + id + " is unique").isTrue();
            absolute(id, "entry id");
            assertThat(elements(entry, "a:title")).as("title of " + id).hasSize(1);
            assertThat(text(entry, "a:title")).as("title of " + id).isNotBlank();
            assertThat(elements(entry, "a:updated")).as("updated of " + id).hasSize(1);
            date(text(entry, "a:updated"), "updated of " + id);
            for (Element published : elements(entry, "a:published")) {
                date(published.getTextContent(), "published of " + id);
                assertThat(OffsetDateTime.parse(published.getTextContent()))
                        .as("published of " + id + " is not after its updated")
                        .isBeforeOrEqualTo(OffsetDateTime.parse(text(entry, "a:updated")));
            }
            assertThat(feedAuthor || !elements(entry, "a:author").isEmpty()).as("author of " + id).isTrue();
            for (Element author : elements(entry, "a:author")) {
                assertThat(text(author, "a:name")).as("author's name in " + id).isNotBlank();
            }
            assertThat(elements(entry, "a:content").size() + elements(entry, "a:link[@rel='alternate' or not(@rel)]").size())
                    .as("content or an alternate link in " + id).isPositive();
            for (Element content : elements(entry, "a:content[@type='xhtml']")) {
                assertThat(elements(content, "*")).as("xhtml content of " + id + " is one div").hasSize(1);
                assertThat(elements(content, "h:div")).as("xhtml content of " + id + " is one div").hasSize(1);
            }
        }
        for (Element tombstone : elements(root, "at:deleted-entry")) {
            String ref = tombstone.getAttribute("ref");
            absolute(ref, "tombstone ref");
            assertThat(ids.add(ref)).as("tombstone " + ref + " is the only entry with its id").isTrue();
            date(tombstone.getAttribute("when"), "when of tombstone " + ref);
        }
    }

    private static void absolute(String uri, String what) {
        assertThat(URI.create(uri).isAbsolute()).as(what + " is absolute: " + uri).isTrue();
    }

    private static void date(String value, String what) {
        assertThat(value).as(what + " is an RFC 3339 date").matches(RFC_3339);
        OffsetDateTime.parse(value); // a real date, not only the shape of one
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "a" -> ATOM;
                    case "at" -> TOMBSTONES;
                    case "h" -> XHTML;
                    case "xml" -> XMLConstants.XML_NS_URI;
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceUri) {
                return java.util.Collections.emptyIterator();
            }
        });
        return xpath;
    }
}
