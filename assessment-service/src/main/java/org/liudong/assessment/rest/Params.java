package org.liudong.assessment.rest;

import org.liudong.assessment.domain.Period;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

import java.util.List;
import java.util.function.Supplier;

/** Checks of query and path parameters shared by the resources. */
final class Params {

    private Params() {
    }

    static String county(String field, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw ProblemException.badRequest("A county code has six digits",
                    new FieldError(field, "must be a six-digit county code"));
        }
        return code;
    }

    /** A jurisdiction: a division code prefix of 2, 4 or 6 digits. */
    static String jurisdiction(String field, String code) {
        if (code == null || !code.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw ProblemException.badRequest("A jurisdiction is a division code of 2, 4 or 6 digits",
                    new FieldError(field, "must be a division code of 2, 4 or 6 digits"));
        }
        return code;
    }

    /** A month (YYYY-MM), a run of months (YYYY-MM/YYYY-MM), "rolling" (the last twelve) or, when absent, this month. */
    static Period period(String text, Supplier<Period> current, Supplier<Period> rolling) {
        if (text == null || text.isBlank()) {
            return current.get();
        }
        if (text.equals("rolling")) {
            return rolling.get();
        }
        return Period.parse(text).orElseThrow(() -> ProblemException.badRequest(
                "A period is a month (YYYY-MM), a run of months (YYYY-MM/YYYY-MM, at most " + Period.MAX_MONTHS
                        + ") or rolling", new FieldError("period", "must be YYYY-MM, YYYY-MM/YYYY-MM or rolling")));
    }

    /** Page {@code page} (from 0) of {@code size} items of a list computed whole. */
    static <T> List<T> page(List<T> all, int page, int size) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }
}
