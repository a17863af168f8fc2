package org.dicta.web;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be honoured for a reason the client can act on (410, 412, 422, 428, ...), with the problem
 * details and headers to answer it with. Mapped once, by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, List<Problem.Violation> violations,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations;
        this.headers = headers;
    }

    /** 422: the body is well-formed but names things that do not exist or do not match. */
    public static ProblemException unprocessable(List<Problem.Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ProblemException(422, "/problems/unprocessable", "Unprocessable content", detail, violations, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
