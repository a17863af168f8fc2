package org.dicta.web.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;

/** An optional value that names a constant of an enum, as the API writes it (lower case; any case is read). */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "is not one of the values this parameter takes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    final class Validator implements ConstraintValidator<OneOf, String> {

        private Enum<?>[] constants;

        @Override
        public void initialize(OneOf annotation) {
            constants = annotation.value().getEnumConstants();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            if (raw == null || Arrays.stream(constants).anyMatch(constant -> constant.name().equalsIgnoreCase(raw.strip()))) {
                return true;
            }
            return Messages.reject(context, "must be one of " + Arrays.stream(constants)
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + raw + "'");
        }
    }
}
