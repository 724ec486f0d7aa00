package org.liudong.registry.service;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

/**
 * The database has the last word on uniqueness: a concurrent request can pass the service's checks and still
 * collide on commit. This turns such a collision into the same 409 the checks give.
 */
final class Uniqueness {

    static final String DUPLICATE_ID_NUMBER = "duplicate-id-number";
    static final String DUPLICATE_HOUSEHOLD_NUMBER = "duplicate-household-number";

    private Uniqueness() {
    }

    static ProblemException duplicateIdNumber(String field) {
        return ProblemException.conflict(DUPLICATE_ID_NUMBER,
                "A person with this resident ID number is already registered",
                new FieldError(field, "is already registered"));
    }

    static ProblemException duplicateHouseholdNumber(String county) {
        return ProblemException.conflict(DUPLICATE_HOUSEHOLD_NUMBER,
                "County " + county + " already has a household with this number",
                new FieldError("householdNumber", "is already taken in county " + county));
    }

    /** Flushes and translates a violated unique constraint; rethrows anything else. */
    static void flush(Runnable flush, String idNumberField, String county) {
        try {
            flush.run();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException violation || e.getCause() instanceof ConstraintViolationException) {
                ConstraintViolationException v = e instanceof ConstraintViolationException c ? c
                        : (ConstraintViolationException) e.getCause();
                if ("person_id_index_unique".equals(v.getConstraintName())) {
                    throw duplicateIdNumber(idNumberField);
                }
                if ("household_number_unique".equals(v.getConstraintName())) {
                    throw duplicateHouseholdNumber(county);
                }
            }
            throw e;
        }
    }
}
