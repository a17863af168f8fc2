package org.dicta.web.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An optional ISO 8601 calendar date (YYYY-MM-DD) in the years 1 to 9999, as a query parameter gives it. */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDate.Validator.class)
public @interface IsoDate {

    String message() default "is not an ISO 8601 date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    final class Validator implements ConstraintValidator<IsoDate, String> {

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            return raw == null || QueryValues.date(raw) != null || Messages.reject(context, "must be an ISO 8601 date (YYYY-MM-DD) in "
                    + "the years " + QueryValues.MIN_YEAR + " to " + QueryValues.MAX_YEAR + ", not '" + raw + "'");
        }
    }
}
