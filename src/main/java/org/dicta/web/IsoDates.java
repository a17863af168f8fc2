package org.dicta.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.dicta.web.constraints.QueryValues;

/**
 * Dates in request bodies are what the spec says, ISO 8601 calendar dates (YYYY-MM-DD) in the years 1 to 9999, as in
 * query parameters. Jackson alone also takes a number as a count of days since 1970 and a year beyond 9999 with a sign
 * ("+3934115-09-25"), and stores dates that no answer could then give in the spec's format. Anything else is a 400.
 */
@Singleton
public class IsoDates implements ObjectMapperCustomizer {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** After Quarkus's own customizer, whose JavaTimeModule would otherwise take LocalDate back. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("dicta-iso-dates").addDeserializer(LocalDate.class, new Strict()));
    }

    private static final class Strict extends StdScalarDeserializer<LocalDate> {

        Strict() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            try {
                LocalDate date = DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
                if (date != null && date.getYear() >= QueryValues.MIN_YEAR) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw InvalidFormatException.from(parser, "must be an ISO 8601 date (YYYY-MM-DD) in the years "
                    + QueryValues.MIN_YEAR + " to " + QueryValues.MAX_YEAR, text, LocalDate.class);
        }
    }
}
