package org.dicta.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string from outside a JSON body (a query parameter such as a deletion's {@code reason}) held to the rules of
 * {@link SafeText}: no control characters but tab and line breaks, no bidirectional controls, no unpaired surrogates.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "has a character that is not accepted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlainText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String fault = value == null ? null : SafeText.fault(value, false);
            if (fault == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The fault names characters and offsets only; escaped anyway, since the template language reads {} and $.
            context.buildConstraintViolationWithTemplate(fault.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
                    .replace("$", "\\$")).addConstraintViolation();
            return false;
        }
    }
}
