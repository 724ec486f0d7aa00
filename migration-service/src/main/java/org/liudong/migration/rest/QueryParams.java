package org.liudong.migration.rest;

import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Query parameters read by hand so that a bad value is a 400 naming the parameter, not the JAX-RS 404. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown " + name + " '" + value + "'",
                    new FieldError(name, "one of " + Arrays.toString(type.getEnumConstants())));
        }
    }

    static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + value + "' is not a date", new FieldError(name, "YYYY-MM-DD"));
        }
    }
}
