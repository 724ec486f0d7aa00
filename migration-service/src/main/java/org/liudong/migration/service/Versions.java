package org.liudong.migration.service;

import org.liudong.platform.problem.ProblemException;

/** Optimistic concurrency for state changes: the client's {@code If-Match} against the record's version. */
public final class Versions {

    private Versions() {
    }

    /** @param expected the version from If-Match, or null when the client sent none */
    public static void check(Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.preconditionFailed("The record changed since you read it (version " + actual
                    + "); read it again");
        }
    }
}
