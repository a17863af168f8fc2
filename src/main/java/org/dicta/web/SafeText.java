package org.dicta.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every string of every request body is checked as it is read: no unpaired surrogates (not text at all), no control
 * characters but tab, line feed and carriage return, and no bidirectional embedding, override or isolate controls
 * (U+202A–U+202E, U+2066–U+2069), with which a name or a quote could be made to display as something else. The
 * exception to the last rule is text {@link AsPublished}: a source's text, stored exactly as published, and a variant's
 * words, which must be a span of it; there the controls must be closed within the text ({@link #unclosedBidi}), so that
 * none reaches beyond it where it is shown. A body that breaks a rule is refused with 400, naming the field and the
 * character; nothing is stored. Corpus imports are held to the same rules.
 */
@Singleton
public class SafeText implements ObjectMapperCustomizer {

    /** Text kept exactly as published, bidirectional controls included. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    public @interface AsPublished {
    }

    @Override
    public void customize(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("dicta-safe-text").addDeserializer(String.class, new Checked(false)));
    }

    /**
     * The first bidirectional control of the text that is not closed within it (an embedding or override without its
     * U+202C, an isolate without its U+2069), or a closing one that closes nothing; null when they all pair up.
     */
    public static String unclosedBidi(String text) {
        java.util.Deque<Integer> open = new java.util.ArrayDeque<>(); // offsets of the open controls
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x202A && c <= 0x202E && c != 0x202C || c >= 0x2066 && c <= 0x2068) {
                open.push(i);
            } else if (c == 0x202C || c == 0x2069) {
                boolean isolate = c == 0x2069;
                if (open.isEmpty() || isIsolate(text.charAt(open.peek())) != isolate) {
                    return "has U+" + hex(c) + " at offset " + i + ", which closes no " + (isolate ? "isolate" : "embedding or override")
                            + " opened before it in the text";
                }
                open.pop();
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        int at = open.getLast();
        char c = text.charAt(at);
        return "has U+" + hex(c) + " at offset " + at + ", which is not closed (by U+" + (isIsolate(c) ? "2069" : "202C")
                + ") within the text; choose words that include its closing character, so that it cannot change how the "
                + "text around them displays";
    }

    private static boolean isIsolate(char c) {
        return c >= 0x2066 && c <= 0x2069;
    }

    /** A string with a character Dicta does not accept in input. */
    public static final class UnsafeTextException extends JsonMappingException {
        UnsafeTextException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** The first rule the text breaks, or null. */
    public static String fault(String text, boolean bidiAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "has an unpaired surrogate (U+" + hex(c) + ") at offset " + i + ": it is not valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "has an unpaired surrogate (U+" + hex(c) + ") at offset " + i + ": it is not valid Unicode text";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "has the control character U+" + hex(c) + " at offset " + i + "; only tab and line breaks are accepted";
            }
            if (!bidiAllowed && (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069)) {
                return "has the bidirectional control U+" + hex(c) + " at offset " + i + ", which can make a text display "
                        + "as something else; remove it (the direction of each language is applied by the reader)";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    private static final class Checked extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean bidiAllowed;

        Checked(boolean bidiAllowed) {
            super(String.class);
            this.bidiAllowed = bidiAllowed;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean published = property != null && property.getAnnotation(AsPublished.class) != null;
            return published == bidiAllowed ? this : new Checked(published);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && parser.currentToken() == JsonToken.VALUE_STRING) {
                String fault = fault(value, bidiAllowed);
                if (fault != null) {
                    throw new UnsafeTextException(parser, fault);
                }
            }
            return value;
        }
    }
}
