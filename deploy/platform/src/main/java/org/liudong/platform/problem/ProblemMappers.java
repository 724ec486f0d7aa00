package org.liudong.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one error contract of every service: each failure becomes an RFC 9457 {@code application/problem+json}
 * answer. Class names, stack traces and SQL never reach the caller; unexpected failures are logged with the
 * request id the caller sees, so support can find them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.problem(), uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "invalid-request", "Invalid request", detail, errors), uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        String detail = "The request body is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            errors.add(new FieldError(field, "has the wrong type or format"));
            detail = "The field '" + field + "' has the wrong type or format";
        }
        return respond(Problem.of(400, "malformed-body", "Malformed request body", detail, errors), uri, headers);
    }

    /**
     * Quarkus REST has a built-in mapper for this subtype (a wrong type or an unknown enum value) that answers
     * plain JSON; this one keeps such answers problem+json and names the accepted values of an enum.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum() && !invalid.getPath().isEmpty()) {
            String field = pathOf(invalid);
            String accepted = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            FieldError error = new FieldError(field, "must be one of " + accepted);
            return respond(Problem.of(400, "malformed-body", "Malformed request body",
                    "The field '" + field + "' must be one of " + accepted, List.of(error)), uri, headers);
        }
        return unreadableJson(e, uri, headers);
    }

    /**
     * Two writers raced for the same version of a record: the later one must read it again. 412 answers a request
     * that named the version it expected ({@code If-Match}); without that condition, the clash is a 409.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleVersion(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        String detail = "The record changed while your request was processed; read it again and reapply your change";
        ProblemException problem = headers.getHeaderString(HttpHeaders.IF_MATCH) != null
                ? ProblemException.preconditionFailed(detail)
                : ProblemException.conflict("concurrent-change", detail);
        return respond(problem.problem(), uri, headers);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required", null);
        return Response.fromResponse(respond(problem, uri, headers)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this", null), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri, headers);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        String kind = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        Problem problem = Problem.of(status.getStatusCode(), kind, status.getReasonPhrase(),
                status.getReasonPhrase(), null);
        return respond(problem, uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (isDataException(e)) {
            // the database refused a value the request carried (a NUL character, a text too long): the
            // transaction is rolled back, so nothing changed; the fault is the input's, not ours
            return respond(Problem.of(400, "unstorable-value", "Invalid request",
                    "A value in the request cannot be stored (control characters, or too long)", null), uri, headers);
        }
        String requestId = RequestIds.of(headers);
        LOG.errorf(e, "Unexpected failure on %s (request %s)", uri.getPath(), requestId);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed; quote the request id when reporting it", null), uri, headers);
    }

    /** SQLSTATE class 22, "data exception": raised by the value itself, whatever statement carried it. */
    private static boolean isDataException(Throwable e) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(uri.getPath(), RequestIds.of(headers)))
                .build();
    }

    /** "register.body.members[0].idNumber" → "members[0].idNumber": the caller knows the body, not our methods. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
