package org.dicta.web.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An optional RFC 3339 timestamp with its offset (2023-03-13T18:00:00Z) in the years 1 to 9999. */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Timestamp.Validator.class)
public @interface Timestamp {

    String message() default "is not an RFC 3339 timestamp";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    final class Validator implements ConstraintValidator<Timestamp, String> {

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            return raw == null || QueryValues.timestamp(raw) != null || Messages.reject(context, "must be an RFC 3339 timestamp with an "
                    + "offset in the years " + QueryValues.MIN_YEAR + " to " + QueryValues.MAX_YEAR
                    + ", e.g. 2023-03-13T18:00:00Z, not '" + raw + "'");
        }
    }
}
