package org.dicta.feed;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a feed page as Atom 1.0 (RFC 4287) with the JDK's StAX writer: paging links of RFC 5005 ({@code first},
 * {@code next}), and each retracted quote as an RFC 6721 tombstone ({@code at:deleted-entry}) in place of its entry.
 */
final class AtomWriter {

    static final String MEDIA_TYPE = "application/atom+xml";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private AtomWriter() {
    }

    /**
     * @param languageNames the English name of each language, by code
     * @param generator     the generator's name, URI and version
     */
    static byte[] write(Feed feed, Map<String, String> languageNames, Generator generator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "feed", ATOM);
            xml.writeDefaultNamespace(ATOM);
            xml.writeNamespace("at", TOMBSTONES);
            Xml.element(xml, "id", feed.id());
            Xml.element(xml, "title", feed.title());
            Xml.element(xml, "updated", Xml.date(feed.updated()));
            xml.writeStartElement("generator");
            Xml.attribute(xml, "uri", generator.uri());
            Xml.attribute(xml, "version", generator.version());
            Xml.text(xml, generator.name());
            xml.writeEndElement();
            link(xml, "self", MEDIA_TYPE, feed.self());
            link(xml, "alternate", "text/html", feed.alternate());
            link(xml, "first", MEDIA_TYPE, feed.first());
            if (feed.next() != null) {
                link(xml, "next", MEDIA_TYPE, feed.next());
            }
            for (Feed.Entry entry : feed.entries()) {
                if (entry.tombstone() != null) {
                    tombstone(xml, entry);
                } else {
                    entry(xml, entry, languageNames);
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the feed " + feed.id(), e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, Feed.Entry entry, Map<String, String> languageNames)
            throws XMLStreamException {
        xml.writeStartElement("entry");
        Xml.element(xml, "id", entry.id());
        xml.writeStartElement("title");
        Xml.xmlLang(xml, entry.titleLang());
        Xml.text(xml, entry.title());
        xml.writeEndElement();
        Xml.element(xml, "published", Xml.date(entry.published()));
        Xml.element(xml, "updated", Xml.date(entry.updated()));
        xml.writeStartElement("author");
        Xml.element(xml, "name", entry.author().name());
        Xml.element(xml, "uri", entry.author().uri());
        xml.writeEndElement();
        for (Feed.Category category : entry.categories()) {
            xml.writeEmptyElement("category");
            Xml.attribute(xml, "term", category.term());
            Xml.attribute(xml, "scheme", category.scheme());
            Xml.attribute(xml, "label", category.label());
        }
        link(xml, "alternate", "text/html", entry.alternate());
        link(xml, "related", "application/json", entry.related());
        if (entry.correction() != null) {
            xml.writeStartElement("summary");
            Xml.text(xml, "Corrected " + Xml.date(entry.correction().at())
                    + (entry.correction().reason() == null ? "." : ": " + entry.correction().reason()));
            xml.writeEndElement();
        }
        xml.writeStartElement("content");
        Xml.attribute(xml, "type", "xhtml");
        XhtmlContent.write(xml, entry, languageNames);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** RFC 6721: the entry is gone; {@code ref} is its id, {@code when} the retraction, the comment its reason. */
    private static void tombstone(XMLStreamWriter xml, Feed.Entry entry) throws XMLStreamException {
        xml.writeStartElement("at", "deleted-entry", TOMBSTONES);
        Xml.attribute(xml, "ref", entry.id());
        Xml.attribute(xml, "when", Xml.date(entry.tombstone().at()));
        link(xml, "related", "application/json", entry.related());
        xml.writeStartElement("at", "comment", TOMBSTONES);
        Xml.text(xml, entry.tombstone().reason() == null ? "Retracted." : entry.tombstone().reason());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        Xml.attribute(xml, "rel", rel);
        Xml.attribute(xml, "type", type);
        Xml.attribute(xml, "href", href);
    }

    /** What the feed says made it. */
    record Generator(String name, String uri, String version) {
    }
}
