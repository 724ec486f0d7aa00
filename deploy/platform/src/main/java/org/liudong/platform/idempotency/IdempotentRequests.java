package org.liudong.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a POST safe to retry: the first successful answer to an {@code Idempotency-Key} is stored in the same
 * transaction as the change it reports, and a retry with the same key and the same request gets that answer
 * again ({@code Idempotent-Replayed: true}) without repeating the change. The same key with another request
 * is refused with 422. Failed requests store nothing, so a retry after a 4xx is evaluated afresh. Keys are
 * scoped per caller (token subject), so two clients never see each other's answers.
 * <p>
 * A concurrent duplicate waits on the key's row until the first request commits (or rolls back), then
 * replays (or runs). Each service using it creates the table:
 * <pre>
 * create table idempotency_key (caller text not null, idempotency_key text not null,
 *                               request_hash char(64) not null, status int, location text, etag text,
 *                               content_type text, body text, created_at timestamptz not null,
 *                               primary key (caller, idempotency_key));
 * </pre>
 * Usage in a resource (the service's own {@code @Transactional} joins this transaction):
 * <pre>
 * return idempotency.execute(key, "POST /api/registry/households", request,
 *         () -&gt; Response.created(...).entity(service.register(request)).build());
 * </pre>
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Caller caller;
    private final Duration retention;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper json, Caller caller,
                              @ConfigProperty(name = "liudong.idempotency.retention", defaultValue = "P1D")
                              Duration retention) {
        this.entityManager = entityManager;
        this.json = json;
        this.caller = caller;
        this.retention = retention;
    }

    /**
     * Runs {@code action} once per key; without a key it simply runs it.
     *
     * @param operation names the endpoint ("POST /api/registry/households"), so a key reused elsewhere is refused
     * @param request   the parsed body; its JSON form is the request's fingerprint
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        return executeWithFingerprint(key, operation, fingerprint(request), action);
    }

    /** As {@link #execute}, for bodies that are not JSON (an uploaded file): the caller hashes the content. */
    @Transactional
    public Response executeWithFingerprint(String key, String operation, String requestFingerprint,
                                           Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH
                    + " characters", new FieldError(HEADER, "must have 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String owner = owner();
        String hash = sha256(operation + "\n" + requestFingerprint);
        int inserted = entityManager.createNativeQuery("""
                        insert into idempotency_key (caller, idempotency_key, request_hash, created_at)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, owner)
                .setParameter(2, key)
                .setParameter(3, hash)
                .setParameter(4, OffsetDateTime.now())
                .executeUpdate();
        if (inserted == 0) {
            return replay(owner, key, hash);
        }
        Response response = action.get();
        store(owner, key, response);
        return response;
    }

    /** The JSON form of a request body, the input of its fingerprint. */
    public String fingerprint(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request cannot be written as JSON", e);
        }
    }

    /**
     * Forgets keys older than {@code liudong.idempotency.retention} (a day by default: a client retries within
     * minutes), hourly, so the table does not grow without bound in any service that uses this.
     */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purgeOlderThan(retention);
    }

    /** Forgets keys older than {@code retention}. */
    @Transactional
    public int purgeOlderThan(Duration retention) {
        return entityManager.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, OffsetDateTime.now().minus(retention))
                .executeUpdate();
    }

    private Response replay(String owner, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select request_hash, status, location, etag, content_type, body from idempotency_key
                        where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, owner)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            throw ProblemException.conflict("idempotency-key-in-use",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0].toString().strip())) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request",
                    new FieldError(HEADER, "was used for a different request"));
        }
        Response.ResponseBuilder answer = Response.status(((Number) row[1]).intValue()).header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            answer.header(HttpHeaders.LOCATION, row[2]);
        }
        if (row[3] != null) {
            answer.header(HttpHeaders.ETAG, row[3]);
        }
        if (row[5] != null) {
            answer.entity(row[5]).type(row[4] != null ? row[4].toString() : MediaType.APPLICATION_JSON);
        }
        return answer.build();
    }

    private void store(String owner, String key, Response response) {
        String body = null;
        if (response.hasEntity()) {
            Object entity = response.getEntity();
            body = entity instanceof String text ? text : fingerprint(entity);
        }
        entityManager.createNativeQuery("""
                        update idempotency_key set status = ?3, location = ?4, etag = ?5, content_type = ?6, body = ?7
                        where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, owner)
                .setParameter(2, key)
                .setParameter(3, response.getStatus())
                .setParameter(4, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(5, response.getEntityTag() == null ? null : response.getHeaderString(HttpHeaders.ETAG))
                .setParameter(6, response.getMediaType() == null ? MediaType.APPLICATION_JSON : response.getMediaType().toString())
                .setParameter(7, body)
                .executeUpdate();
    }

    private String owner() {
        String name = caller.name();
        return name == null || name.isBlank() ? "anonymous" : name;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
