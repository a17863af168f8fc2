package org.dicta.web;

import java.util.List;
import org.dicta.domain.Violation;

/** A client's request parameters are malformed or out of range; answered with 400 naming each parameter. */
public class InvalidParameterException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidParameterException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public InvalidParameterException(String parameter, String message) {
        this(List.of(new Violation(parameter, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
