package org.liudong.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id} (the caller's when it is a sane token, a new UUID otherwise) and a
 * {@code traceparent}, sends both to the service, and puts both on every answer, including the gateway's own
 * errors. It runs before CORS and authentication so that even a rejected request can be traced.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    static final int PRIORITY = 1_000;
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = request.getHeader(HEADER);
        if (requestId == null || !ACCEPTABLE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        String traceparent = TraceContext.nextHop(request.getHeader(TraceContext.HEADER));
        request.headers().set(HEADER, requestId).set(TraceContext.HEADER, traceparent);

        String answeredId = requestId;
        context.addHeadersEndHandler(ignored -> context.response().headers()
                .set(HEADER, answeredId)
                .set(TraceContext.HEADER, traceparent));
        context.next();
    }

    /** The id this request carries by now; every request has one once this filter has run. */
    public static String requestIdOf(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
