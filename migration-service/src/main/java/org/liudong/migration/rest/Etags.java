package org.liudong.migration.rest;

import jakarta.ws.rs.core.EntityTag;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

/** A record's version as a strong ETag, and the version an If-Match header asks for. */
final class Etags {

    private Etags() {
    }

    static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** @return the version the client expects, or null for no If-Match (or "*") */
    static Integer expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.valueOf(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be an ETag this service gave out",
                    new FieldError("If-Match", "is not an ETag of this service"));
        }
    }
}
