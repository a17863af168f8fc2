package org.dicta.web;

import java.util.List;
import java.util.Map;
import org.dicta.domain.Violation;

/**
 * A request that cannot be honoured for a reason the client can act on (410, 412, 422, 428, ...), with the problem
 * details and headers to answer it with. Mapped once, by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, List<Violation> violations,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations;
        this.headers = headers;
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

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
