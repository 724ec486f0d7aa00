package org.liudong.registry.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.platform.problem.RequestIds;

import java.util.Optional;

/**
 * Where a request came from, for the audit trail: the client address (the first {@code X-Forwarded-For} hop
 * when the gateway forwarded it), the request id, and the declared purpose ({@code X-Purpose}, optional).
 */
@ApplicationScoped
public class RequestOrigin {

    public static final String PURPOSE_HEADER = "X-Purpose";

    private final CurrentVertxRequest current;

    public RequestOrigin(CurrentVertxRequest current) {
        this.current = current;
    }

    public Optional<String> clientIp() {
        return request().map(r -> {
            String forwarded = r.request().getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
            return r.request().remoteAddress() == null ? null : r.request().remoteAddress().hostAddress();
        });
    }

    public Optional<String> requestId() {
        return request().map(r -> r.request().getHeader(RequestIds.HEADER));
    }

    public Optional<String> purpose() {
        return request().map(r -> r.request().getHeader(PURPOSE_HEADER)).map(p -> p.length() > 200 ? p.substring(0, 200) : p);
    }

    private Optional<RoutingContext> request() {
        try {
            return Optional.ofNullable(current.getCurrent());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
