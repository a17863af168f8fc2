package org.dicta.web.constraints;

import jakarta.validation.ConstraintValidatorContext;

/** Violations whose message quotes what the client sent, which must not be read as a message template. */
public final class Messages {

    private Messages() {
    }

    /** Replaces the constraint's default violation with this message, taken literally. */
    public static boolean reject(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
        return false;
    }

    /** A message template that reads as this text: Hibernate Validator's {@code \ { } $} escaped. */
    public static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
