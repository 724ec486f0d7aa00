package org.liudong.platform.problem;

import java.util.List;

/**
 * A failure the caller can act on. Thrown from services and resources; {@link ProblemMappers} turns it into an
 * {@code application/problem+json} answer with its status.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail, FieldError... errors) {
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail, List.of(errors)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail, null));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found", null));
    }

    public static ProblemException conflict(String kind, String detail, FieldError... errors) {
        return new ProblemException(Problem.of(409, kind, "Conflict", detail, List.of(errors)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "stale-version", "Precondition failed", detail, null));
    }

    public static ProblemException unprocessable(String kind, String detail, FieldError... errors) {
        return new ProblemException(Problem.of(422, kind, "Unprocessable request", detail, List.of(errors)));
    }
}
