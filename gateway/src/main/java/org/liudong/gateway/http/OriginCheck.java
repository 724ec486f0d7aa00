package org.liudong.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses a request from an origin that CORS does not allow with a problem+json answer. Quarkus's CORS filter,
 * which runs next, would refuse it too, but with an empty 403 that tells a browser developer nothing. Allowed are
 * the origins in {@code quarkus.http.cors.origins} (an entry between slashes is a regular expression, as for
 * Quarkus) and the gateway's own origin; a request without {@code Origin} is not a cross-origin request.
 */
@ApplicationScoped
public class OriginCheck {

    private final List<String> exactOrigins;
    private final List<Pattern> originPatterns;

    public OriginCheck(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        List<String> configured = origins.orElse(List.of());
        this.exactOrigins = configured.stream().filter(origin -> !isPattern(origin)).toList();
        this.originPatterns = configured.stream().filter(OriginCheck::isPattern)
                .map(origin -> Pattern.compile(origin.substring(1, origin.length() - 1))).toList();
    }

    void register(@Observes Filters filters) {
        // after the request id (so the problem carries it), before Quarkus's CORS filter
        filters.register(this::handle, RequestIdFilter.PRIORITY - 2);
    }

    void handle(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || allows(origin) || isOwnOrigin(context.request(), origin)) {
            context.next();
            return;
        }
        ProblemResponses.send(context, ProblemResponses.originNotAllowed(origin));
    }

    boolean allows(String origin) {
        return exactOrigins.contains(origin) || originPatterns.stream().anyMatch(p -> p.matcher(origin).matches());
    }

    private static boolean isOwnOrigin(HttpServerRequest request, String origin) {
        String authority = request.authority() == null ? null : request.authority().toString();
        return authority != null && origin.equalsIgnoreCase(request.scheme() + "://" + authority);
    }

    private static boolean isPattern(String origin) {
        return origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/");
    }
}
