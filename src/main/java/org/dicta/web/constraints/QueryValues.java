package org.dicta.web.constraints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How query parameters read as values: the one reading that the constraints check and the typed accessors of a bean
 * of parameters return, so that what passed validation is what is used. Each method answers null (or leaves out) what
 * does not read.
 */
public final class QueryValues {

    /** Dates and times outside these years mean nothing here, and some databases cannot compare them. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");
    static final int MAX_ID_LENGTH = 100;

    private QueryValues() {
    }

    public static boolean isId(String value) {
        return value.length() <= MAX_ID_LENGTH && ID.matcher(value).matches();
    }

    /** The distinct well-formed ids that repeated and/or comma-separated values name, in order. */
    public static List<String> ids(List<String> values) {
        Set<String> ids = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String id : value.split(",", -1)) {
                    if (isId(id.strip())) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    /** The one id a single-valued parameter names, or null. */
    public static String id(String value) {
        List<String> ids = ids(value == null ? null : List.of(value));
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** An ISO 8601 calendar date (YYYY-MM-DD) in the years 1 to 9999. */
    public static LocalDate date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.strip());
            return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An RFC 3339 timestamp with its offset (2023-03-13T18:00:00Z) in the years 1 to 9999. */
    public static Instant timestamp(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(raw.strip().toUpperCase(Locale.ROOT).replace(' ', 'T'));
            return time.getYear() >= MIN_YEAR && time.getYear() <= MAX_YEAR ? time.toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The enum constant a value names, in any case. */
    public static <E extends Enum<E>> E choice(String raw, Class<E> type) {
        if (raw == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.strip())) {
                return constant;
            }
        }
        return null;
    }
}
