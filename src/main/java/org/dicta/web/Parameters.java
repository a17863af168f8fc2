package org.dicta.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.jboss.resteasy.reactive.RestQuery;
import org.dicta.domain.Violation;

/**
 * Collects every violation of a request's query parameters, so that one 400 answer names all of them: those of beans
 * of parameters checked with Bean Validation ({@link #check}), and the paging and language checks that need the
 * configuration or the catalogue. Parameters arrive as strings so that a malformed value is a 400 naming the
 * parameter, not JAX-RS's bare 404.
 */
public final class Parameters {


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

    /** An optional boolean parameter: {@code true} or {@code false}, false when absent. */
    public boolean flag(String parameter, String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        reject(parameter, "must be true or false");
        return false;
    }

    /**
     * Checks a bean of query parameters with Bean Validation, recording each violation under the name of the query
     * parameter it concerns ({@code updated_since}, not the field's name), with the others of this request.
     */
    public void check(Validator validator, Object parameters) {
        List<Violation> found = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(parameters)) {
            String field = null;
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName();
            }
            found.add(new Violation(queryName(parameters.getClass(), field), violation.getMessage()));
        }
        // The validator reports in no particular order; a client, and its tests, see the same answer every time.
        found.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        violations.addAll(found);
    }

    /** The query parameter a bean's field is bound to: the name in its {@code @RestQuery}, else the field's. */
    private static String queryName(Class<?> type, String field) {
        for (Class<?> c = type; c != null && field != null; c = c.getSuperclass()) {
            try {
                RestQuery query = c.getDeclaredField(field).getAnnotation(RestQuery.class);
                return query != null && !query.value().isEmpty() ? query.value() : field;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        return field == null ? "query" : field;
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidParameterException(violations);
        }
    }
}
