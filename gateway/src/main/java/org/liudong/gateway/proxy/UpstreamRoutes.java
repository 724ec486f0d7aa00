package org.liudong.gateway.proxy;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.liudong.gateway.config.GatewayConfig;
import org.liudong.gateway.http.Problem;
import org.liudong.gateway.http.ProblemResponses;
import org.liudong.gateway.http.RequestIdFilter;
import org.liudong.gateway.security.ApiAuthentication;
import org.liudong.gateway.security.RateLimiter;

import java.time.Duration;

/**
 * The gateway's routes under {@code /api}, in the order they run (after the request id, CORS and quarkus-oidc's
 * token check): caller required, rate limit, then one Vert.x reverse proxy per service, which forwards the
 * request with its path, headers (the bearer token included) and body unchanged and streams the answer back,
 * a {@code Location} at the service's address pointed through the gateway ({@link CallerLocations}).
 * Anything under {@code /api} that no service owns is 404.
 */
@ApplicationScoped
public class UpstreamRoutes {

    private static final Logger LOG = Logger.getLogger(UpstreamRoutes.class);

    private final Upstreams upstreams;
    private final RateLimiter rateLimiter;
    private final GatewayConfig config;

    UpstreamRoutes(Upstreams upstreams, RateLimiter rateLimiter, GatewayConfig config) {
        this.upstreams = upstreams;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().failureHandler(ApiAuthentication::onFailure);
        router.route("/api/*").failureHandler(UpstreamRoutes::unexpectedFailure);

        router.route("/api/*").handler(ApiAuthentication::requireCaller);
        router.route("/api/*").handler(rateLimiter::handle);
        for (Upstream upstream : upstreams.all()) {
            HttpProxy proxy = HttpProxy.reverseProxy(upstreams.client())
                    .origin(context -> openRequest(upstream, context))
                    .addInterceptor(new UpstreamFailures(upstream))
                    .addInterceptor(new BodySizeLimit(config.limits()))
                    .addInterceptor(new CallerLocations(upstream));
            router.route(upstream.pathPrefix() + "/*").handler(context -> forward(context, proxy));
        }
        router.route("/api/*").handler(context -> ProblemResponses.send(context, ProblemResponses.notFound()));
    }

    private Future<HttpClientRequest> openRequest(Upstream upstream, ProxyContext context) {
        Duration timeout = isLongLived(context.request()) ? config.streamTimeout() : config.requestTimeout();
        return context.client().request(upstream.requestOptions().setIdleTimeout(timeout.toMillis()))
                .onSuccess(request -> request.exceptionHandler(failure ->
                        // the same failure fails the answer, which UpstreamFailures turns into a problem
                        LOG.debugf("%s: %s", upstream.service(), failure)))
                .map(LateResetGuard::guard);
    }

    private static boolean isLongLived(ProxyRequest request) {
        String accept = request.headers().get(HttpHeaders.ACCEPT);
        return BodySizeLimit.isImport(request) || (accept != null && accept.contains("text/event-stream"));
    }

    /** Tells the service who really called, replacing whatever the caller claimed about that. */
    private static void forward(RoutingContext context, HttpProxy proxy) {
        HttpServerRequest request = context.request();
        SocketAddress caller = request.remoteAddress();
        HostAndPort authority = request.authority();
        request.headers().remove("Forwarded");
        request.headers().remove("X-Forwarded-For");
        request.headers().remove("X-Forwarded-Host");
        if (caller != null && caller.hostAddress() != null) {
            request.headers().set("X-Forwarded-For", caller.hostAddress());
        }
        if (authority != null) {
            request.headers().set("X-Forwarded-Host", authority.toString());
        }
        request.headers().set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        proxy.handle(request);
    }

    private static void unexpectedFailure(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        Problem problem;
        if (status >= 500) {
            LOG.errorf(context.failure(), "Unexpected failure on %s (request %s)", context.request().path(),
                    RequestIdFilter.requestIdOf(context.request()));
            problem = ProblemResponses.internalError();
        } else {
            String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
            problem = Problem.of(status, reason.toLowerCase().replace(' ', '-'), reason, reason);
        }
        ProblemResponses.send(context, problem);
    }
}
