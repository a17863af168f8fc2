package org.dicta.feed;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An entry's content as one XHTML {@code div}: the latest correction, if any, then each variant in a {@code div} of
 * its own language and direction, holding the words exactly as the source has them, and a line in English saying
 * where they were reported, with links to the statement in its source (the explorer) and to the source's text (the
 * API). Atom embeds it as {@code type="xhtml"} content; JSON Feed carries the same markup as {@code content_html}.
 */
final class XhtmlContent {

    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final Map<String, String> MODES = Map.of("direct", "in the speaker's own words", "indirect",
            "as reported speech");

    private XhtmlContent() {
    }

    /** Writes the content's {@code div}, declaring the XHTML namespace on it. */
    static void write(XMLStreamWriter xml, Feed.Entry entry, Map<String, String> languageNames) throws XMLStreamException {
        xml.writeStartElement("", "div", XHTML);
        xml.writeDefaultNamespace(XHTML);
        if (entry.correction() != null) {
            xml.writeStartElement("p");
            Xml.attribute(xml, "class", "correction");
            Xml.element(xml, "strong", "Corrected " + Xml.date(entry.correction().at()));
            Xml.text(xml, entry.correction().reason() == null ? "." : ": " + entry.correction().reason());
            xml.writeEndElement();
        }
        for (Feed.Variant variant : entry.variants()) {
            variant(xml, variant, languageNames);
        }
        xml.writeEndElement();
    }

    /** The same markup as a string (for JSON Feed's {@code content_html}). */
    static String html(Feed.Entry entry, Map<String, String> languageNames) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            write(xml, entry, languageNames);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the content of " + entry.quoteId(), e);
        }
        return out.toString();
    }

    private static void variant(XMLStreamWriter xml, Feed.Variant variant, Map<String, String> languageNames)
            throws XMLStreamException {
        xml.writeStartElement("div");
        Xml.attribute(xml, "class", "variant");
        language(xml, variant.lang(), variant.dir());
        xml.writeStartElement("blockquote");
        Xml.attribute(xml, "cite", variant.sourceApi());
        Xml.element(xml, "p", variant.text());
        xml.writeEndElement();
        xml.writeStartElement("p");
        Xml.attribute(xml, "class", "source");
        language(xml, "en", "ltr");
        Xml.text(xml, "Reported in " + languageNames.getOrDefault(variant.lang(), variant.lang()) + ", "
                + MODES.getOrDefault(variant.mode(), variant.mode()) + ", by ");
        if (variant.headline() != null) {
            xml.writeStartElement("cite");
            // The headline is in the source's language, which is the variant's.
            language(xml, variant.lang(), variant.dir());
            Xml.text(xml, variant.headline());
            xml.writeEndElement();
            Xml.text(xml, variant.publisher() != null || variant.sourceDate() != null ? ", " : "");
        }
        if (variant.publisher() != null) {
            Xml.text(xml, variant.publisher() + (variant.sourceDate() != null ? ", " : ""));
        }
        if (variant.headline() == null && variant.publisher() == null) {
            Xml.text(xml, "a source" + (variant.sourceDate() != null ? " of " : ""));
        }
        if (variant.sourceDate() != null) {
            Xml.text(xml, variant.sourceDate().toString());
        }
        Xml.text(xml, ". ");
        link(xml, variant.sourceView(), "The statement in its source");
        Xml.text(xml, " · ");
        link(xml, variant.sourceApi(), "the source's full text (API)");
        xml.writeEndElement();
        if (variant.note() != null) {
            xml.writeStartElement("p");
            Xml.attribute(xml, "class", "note");
            language(xml, "en", "ltr");
            Xml.text(xml, "Editor's note: " + variant.note());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String text) throws XMLStreamException {
        xml.writeStartElement("a");
        Xml.attribute(xml, "href", href);
        Xml.text(xml, text);
        xml.writeEndElement();
    }

    /** {@code xml:lang} for XML readers, {@code lang} for HTML ones, and the direction of the script. */
    private static void language(XMLStreamWriter xml, String lang, String dir) throws XMLStreamException {
        Xml.xmlLang(xml, lang);
        Xml.attribute(xml, "lang", lang);
        Xml.attribute(xml, "dir", dir.toLowerCase(Locale.ROOT));
    }
}
