package org.dicta.web;

import java.util.List;

/** A client's request parameters are malformed or out of range; answered with 400 naming each parameter. */
public class InvalidParameterException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public InvalidParameterException(List<Problem.Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public InvalidParameterException(String parameter, String message) {
        this(List.of(new Problem.Violation(parameter, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
