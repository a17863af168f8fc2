package org.dicta.web.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids in a query parameter, repeated and/or separated with commas ({@code speaker=a,b&speaker=c}): each lower-case
 * letters, digits, '-' and '_'. With {@code single}, at most one. Every malformed id is its own violation.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {Ids.ListValidator.class, Ids.SingleValidator.class})
public @interface Ids {

    String message() default "is not a list of ids";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a repeated parameter. */
    final class ListValidator implements ConstraintValidator<Ids, List<String>> {

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            List<String> faults = new ArrayList<>();
            if (values != null) {
                for (String value : values) {
                    for (String id : value.split(",", -1)) {
                        if (!QueryValues.isId(id.strip())) {
                            faults.add("'" + id + "' is not an id: ids are lower-case letters, digits, '-' and '_'");
                        }
                    }
                }
            }
            if (faults.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            faults.forEach(fault -> context.buildConstraintViolationWithTemplate(Messages.literal(fault)).addConstraintViolation());
            return false;
        }
    }

    /** Checks a parameter that takes one id. */
    final class SingleValidator implements ConstraintValidator<Ids, String> {

        private final ListValidator list = new ListValidator();

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!list.isValid(List.of(value), context)) {
                return false;
            }
            int count = QueryValues.ids(List.of(value)).size();
            return count <= 1 || Messages.reject(context, "takes one id, not " + count);
        }
    }
}
