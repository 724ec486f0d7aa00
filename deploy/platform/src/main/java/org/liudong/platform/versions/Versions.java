package org.liudong.platform.versions;

import jakarta.ws.rs.core.EntityTag;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

/**
 * Optimistic locking over HTTP: a record's {@code ETag} is its version; an update names the version it read
 * in {@code If-Match}, and a stale one is refused with 412.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Corrections must say which version they correct. */
    public static void require(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(org.liudong.platform.problem.Problem.of(428, "precondition-required",
                    "Precondition required", "Send If-Match with the ETag of the " + what + " you read",
                    java.util.List.of(new FieldError("If-Match", "is required"))));
        }
        check(ifMatch, current, what);
    }

    /** When the caller sent If-Match, it must name the current version. */
    public static void check(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String value = candidate.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.replace("\"", "").equals(Long.toString(current))) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("The " + what + " has changed since you read it (now version "
                + current + "); read it again and reapply your change");
    }
}
