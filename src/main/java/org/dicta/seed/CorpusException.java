package org.dicta.seed;

import java.util.List;

/** The corpus cannot be loaded; the message names the file and every faulty entry. */
public class CorpusException extends RuntimeException {

    private final List<String> errors;

    public CorpusException(String file, List<String> errors) {
        super("The corpus in " + file + " cannot be loaded:\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
