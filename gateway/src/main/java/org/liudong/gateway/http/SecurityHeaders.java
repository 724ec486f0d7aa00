package org.liudong.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Response headers that keep browsers from misusing answers. API answers may hold personal data, so no cache
 * may keep them and they may never be rendered as a page; the documentation pages may load scripts, styles and
 * data only from the gateway itself (Swagger UI needs its inline script) and may not be framed. The headers are
 * set last, over whatever a service sent.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::handle, RequestIdFilter.PRIORITY - 1);
    }

    void handle(RoutingContext context) {
        boolean api = isApi(context.request().path());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (api) {
                headers.set("Cache-Control", "no-store");
                headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
            } else if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY);
            }
        });
        context.next();
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
