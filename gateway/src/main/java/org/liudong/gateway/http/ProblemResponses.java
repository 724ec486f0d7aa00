package org.liudong.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/** The gateway's own error answers, and the problems it can report. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext context, Problem problem) {
        Problem located = problem.at(context.request().path(), RequestIdFilter.requestIdOf(context.request()));
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(located.toJson().toBuffer());
    }

    /** The same answer, given from inside the proxy so that it goes through the proxy's response path. */
    public static ProxyResponse toProxyResponse(ProxyRequest request, Problem problem) {
        Problem located = problem.at(request.proxiedRequest().path(), RequestIdFilter.requestIdOf(request.proxiedRequest()));
        Buffer body = located.toJson().toBuffer();
        return request.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(body));
    }

    public static Problem unauthenticated() {
        return Problem.of(401, "unauthenticated", "Unauthenticated", "A valid bearer token is required");
    }

    public static Problem identityProviderUnavailable() {
        return Problem.of(503, "identity-provider-unavailable", "Service Unavailable",
                "Tokens cannot be checked right now because the identity provider is unreachable");
    }

    public static Problem originNotAllowed(String origin) {
        return Problem.of(403, "origin-not-allowed", "Forbidden",
                "Requests from the web origin " + origin + " are not allowed here (CORS)");
    }

    public static Problem notFound() {
        return Problem.of(404, "not-found", "Not Found", "No service answers under this path");
    }

    public static Problem payloadTooLarge(long limitBytes) {
        return Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than the " + describe(limitBytes) + " allowed here");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return Problem.of(429, "too-many-requests", "Too Many Requests",
                "Request rate limit exceeded; retry after " + retryAfterSeconds + " s");
    }

    public static Problem upstreamUnreachable(String service) {
        return Problem.of(502, "upstream-unreachable", "Bad Gateway", service + " could not be reached");
    }

    public static Problem upstreamUnavailable(String service, long retryAfterSeconds) {
        return Problem.of(503, "upstream-unavailable", "Service Unavailable",
                service + " is failing; the gateway retries it in " + retryAfterSeconds + " s");
    }

    public static Problem upstreamTimeout(String service) {
        return Problem.of(504, "upstream-timeout", "Gateway Timeout", service + " did not answer in time");
    }

    public static Problem internalError() {
        return Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed; quote the request id when reporting it");
    }

    private static String describe(long bytes) {
        long mib = 1024 * 1024;
        return bytes % mib == 0 ? bytes / mib + " MiB" : bytes + " bytes";
    }
}
