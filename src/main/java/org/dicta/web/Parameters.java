package org.dicta.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dicta.domain.Violation;

/**
 * Parses a request's query parameters, collecting every violation so that one 400 answer names all of them.
 * Parameters arrive as strings so that a malformed number is a 400 naming the parameter, not JAX-RS's bare 404.
 */
public final class Parameters {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 100;
    /** Dates and times outside these years mean nothing here, and some databases cannot compare them. */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private final List<Violation> violations = new ArrayList<>();

    public void reject(String parameter, String message) {
        violations.add(new Violation(parameter, message));
    }

    /** Page size: the configured default when absent, else a whole number within bounds. */
    int limit(String raw, ApiConfig config) {
        if (raw == null) {
            return config.defaultLimit();
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= config.maxLimit()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject("limit", "must be a whole number between 1 and " + config.maxLimit() + ", not '" + raw + "'");
        return config.defaultLimit();
    }

    /** The page a list request asks for, its cursor checked against the list's filters. */
    public PageRequest page(PageParameters page, ApiConfig config, String filterFingerprint) {
        return new PageRequest(limit(page.limit, config), cursor(page.cursor, filterFingerprint), filterFingerprint);
    }

    /** The key after which the page starts, or null for the first page. */
    String cursor(String raw, String filterFingerprint) {
        if (raw == null) {
            return null;
        }
        Optional<Cursor.Decoded> decoded = Cursor.decode(raw);
        if (decoded.isEmpty()) {
            reject("cursor", "is not a cursor this API issued; use the 'next' link of a previous page, or omit cursor to start");
            return null;
        }
        if (filterFingerprint == null) { // the filters are invalid, and reported already
            return null;
        }
        if (!decoded.get().fingerprint().equals(filterFingerprint)) {
            reject("cursor", "was issued for a list with other filters; keep the filters of the page it came from, "
                    + "or omit cursor to start again");
            return null;
        }
        return decoded.get().lastKey();
    }

    /** A supported language code for the lang parameter, or null when absent. */
    public String language(String raw, SupportedLanguages catalog) {
        if (raw == null) {
            return null;
        }
        if (!SupportedLanguages.isWellFormed(raw)) {
            reject("lang", "'" + raw + "' is not a BCP 47 language tag; use one of " + catalog.codes());
            return null;
        }
        Optional<String> code = catalog.resolve(raw);
        if (code.isEmpty()) {
            reject("lang", "Dicta has no texts in '" + raw + "'; use one of " + catalog.codes()
                    + " (listed at /api/v1/languages)");
            return null;
        }
        return code.get();
    }

    /** Ids given as repeated parameters and/or comma-separated values, each checked for shape, without duplicates. */
    public List<String> ids(String parameter, List<String> raw) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : raw) {
            for (String id : value.split(",", -1)) {
                String trimmed = id.strip();
                if (isId(trimmed)) {
                    ids.add(trimmed);
                } else {
                    reject(parameter, "'" + id + "' is not an id: ids are lower-case letters, digits, '-' and '_'");
                }
            }
        }
        return List.copyOf(ids);
    }

    /** A single optional id. */
    public String id(String parameter, String raw) {
        if (raw == null) {
            return null;
        }
        List<String> ids = ids(parameter, List.of(raw));
        if (ids.size() > 1) {
            reject(parameter, "takes one id, not " + ids.size());
        }
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** An optional ISO 8601 date (YYYY-MM-DD). */
    public LocalDate date(String parameter, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.strip());
            if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        reject(parameter, "must be an ISO 8601 date (YYYY-MM-DD) in the years " + MIN_YEAR + " to " + MAX_YEAR + ", not '"
                + raw + "'");
        return null;
    }

    /** An optional RFC 3339 timestamp with its offset, e.g. 2023-03-13T18:00:00Z. */
    public Instant timestamp(String parameter, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(raw.strip().toUpperCase(Locale.ROOT).replace(' ', 'T'));
            if (time.getYear() >= MIN_YEAR && time.getYear() <= MAX_YEAR) {
                return time.toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        reject(parameter, "must be an RFC 3339 timestamp with an offset in the years " + MIN_YEAR + " to " + MAX_YEAR
                + ", e.g. 2023-03-13T18:00:00Z, not '" + raw + "'");
        return null;
    }

    /** An optional enum value, written as the API writes it (lower case). */
    public <E extends Enum<E>> E choice(String parameter, String raw, Class<E> type) {
        if (raw == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.strip())) {
                return constant;
            }
        }
        reject(parameter, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + raw + "'");
        return null;
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidParameterException(violations);
        }
    }

    public static boolean isId(String value) {
        return value.length() <= MAX_ID_LENGTH && ID.matcher(value).matches();
    }
}
