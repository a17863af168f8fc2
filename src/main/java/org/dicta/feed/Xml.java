package org.dicta.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes text and attributes through a StAX writer so that the document stays well-formed and the text exact: the
 * writer escapes markup; a carriage return, which an XML parser would turn into a line feed, is written as a character
 * reference; a character XML 1.0 cannot carry at all (a control character, a lone surrogate, U+FFFE) becomes U+FFFD,
 * the replacement character. Dates are RFC 3339 instants in UTC, to the millisecond.
 */
final class Xml {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Xml() {
    }

    static String date(Instant instant) {
        return RFC_3339.format(instant);
    }

    /** An element holding only text. */
    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        text(xml, text);
        xml.writeEndElement();
    }

    static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') {
                xml.writeCharacters(run.toString());
                run.setLength(0);
                xml.writeEntityRef("#xD");
            } else {
                run.appendCodePoint(legal(c) ? c : 0xFFFD);
            }
        }
        xml.writeCharacters(run.toString());
    }

    /** An attribute; white space other than the space would be normalised by parsers, so it is written as a space. */
    static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, attributeValue(value));
    }

    static void xmlLang(XMLStreamWriter xml, String lang) throws XMLStreamException {
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", attributeValue(lang));
    }

    private static String attributeValue(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(c -> clean.appendCodePoint(c == '\t' || c == '\n' || c == '\r' ? ' ' : legal(c) ? c : 0xFFFD));
        return clean.toString();
    }

    /** XML 1.0's Char production. */
    static boolean legal(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
