package org.dicta.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rule of Dicta's domain refused an operation, for a reason the caller can act on. Domain code throws it without
 * knowing HTTP; the web layer maps each {@link Kind} to a status and the {@link #code()} to a problem type, once.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the web layer gives each its status. */
    public enum Kind {
        /** The named resource does not exist. */
        NOT_FOUND,
        /** The resource existed and was withdrawn; its history remains. */
        GONE,
        /** The operation clashes with the resource's state (an id taken, a resource still referred to). */
        CONFLICT,
        /** The input is well-formed but names things that do not exist or do not match. */
        UNPROCESSABLE,
        /** The input is not the document the operation takes. */
        MALFORMED,
        /** The caller's version of the resource is not the current one. */
        STALE,
        /** A change names no version of the resource to apply to. */
        VERSION_REQUIRED
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<Violation> violations;
    private final Long currentVersion;
    private final String history;

    protected DomainException(Kind kind, String code, String title, String detail, List<Violation> violations,
            Long currentVersion, String history) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.violations = violations == null ? null : List.copyOf(violations);
        this.currentVersion = currentVersion;
        this.history = history;
    }

    public DomainException(Kind kind, String code, String title, String detail, List<Violation> violations) {
        this(kind, code, title, detail, violations, null, null);
    }

    public static DomainException notFound(String kind, String id) {
        return notFound("There is no " + kind + " with id '" + id + "'.");
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, "not-found", "Resource not found", detail, null);
    }

    /** The input names things that do not exist or do not match: one violation per faulty field. */
    public static DomainException unprocessable(List<Violation> violations) {
        return new DomainException(Kind.UNPROCESSABLE, "unprocessable", "Unprocessable content", describe(violations),
                violations);
    }

    /** The input is not the document the operation takes. */
    public static DomainException malformed(String detail, List<Violation> violations) {
        return new DomainException(Kind.MALFORMED, "invalid-body", "Invalid request body", detail, violations);
    }

    /** A change names no version: the caller must read the resource first. */
    public static DomainException versionRequired(long currentVersion) {
        return new DomainException(Kind.VERSION_REQUIRED, "precondition-required", "Precondition required",
                "Changing this resource needs If-Match with its current ETag (" + Versions.tag(currentVersion) + "), so "
                        + "that nobody's change is silently overwritten. GET it first.", null, currentVersion, null);
    }

    /** Someone changed the resource since the caller read it. */
    public static DomainException stale(long currentVersion) {
        return new DomainException(Kind.STALE, "precondition-failed", "Precondition failed",
                "The resource changed since you read it; its current ETag is " + Versions.tag(currentVersion)
                        + ". GET it again, reapply your change, and send it with the new ETag.", null, currentVersion, null);
    }

    /** The same refusal, said in other words (an import names the entry at fault); its version and history kept. */
    public DomainException restated(String detail, List<Violation> restatedViolations) {
        return new DomainException(kind, code, title, detail, restatedViolations, currentVersion, history);
    }

    /** "field: message; field: message", for a detail line. */
    public static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    public Kind kind() {
        return kind;
    }

    /** The last segment of the problem type ({@code conflict} for {@code /problems/conflict}). */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Every faulty field, or null when the refusal is not about fields. */
    public List<Violation> violations() {
        return violations;
    }

    /** The resource's current version, when the refusal is about versions. */
    public OptionalLong currentVersion() {
        return currentVersion == null ? OptionalLong.empty() : OptionalLong.of(currentVersion);
    }

    /** The path of the resource's public history, when the caller should be pointed to it. */
    public Optional<String> history() {
        return Optional.ofNullable(history);
    }
}
