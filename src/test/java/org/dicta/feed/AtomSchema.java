package org.dicta.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates feeds with Jing against the RELAX NG schema of RFC 4287 (Appendix B, with RFC 6721's tombstones among
 * the entries), {@code src/test/resources/feed/atom.rnc}.
 */
final class AtomSchema {

    private AtomSchema() {
    }

    static void validate(String xml) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            boolean loaded = driver.loadSchema(new InputSource(AtomSchema.class.getResource("/feed/atom.rnc").toExternalForm()));
            assertThat(loaded).as("the schema loads: " + errors).isTrue();
            boolean valid = driver.validate(new InputSource(new StringReader(xml)));
            assertThat(errors).as("RELAX NG errors in\n" + xml).isEmpty();
            assertThat(valid).isTrue();
        } catch (IOException | SAXException e) {
            throw new AssertionError("Cannot validate the feed: " + e.getMessage(), e);
        }
    }
}
