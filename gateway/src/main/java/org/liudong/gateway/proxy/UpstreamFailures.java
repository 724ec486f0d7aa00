package org.liudong.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;
import org.liudong.gateway.http.Problem;
import org.liudong.gateway.http.ProblemResponses;
import org.liudong.gateway.http.RequestIdFilter;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a service that cannot be reached (502), is resting behind its open breaker (503) or is too slow (504)
 * into a problem+json answer, and keeps the breaker informed. The first interceptor, so it sees every failure.
 */
final class UpstreamFailures implements ProxyInterceptor {

    static final String ANSWERED_BY_GATEWAY = "liudong.answered-by-gateway";
    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    private final Upstream upstream;

    UpstreamFailures(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        CircuitBreaker breaker = upstream.breaker();
        long restNanos = breaker.remainingOpenNanos(System.nanoTime());
        if (restNanos > 0) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(restNanos + 999_999_999L));
            request.release();
            return Future.succeededFuture(ProblemResponses
                    .toProxyResponse(request, ProblemResponses.upstreamUnavailable(upstream.service(), retryAfter))
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
        }
        return context.sendRequest()
                .onSuccess(answer -> {
                    if (context.get(ANSWERED_BY_GATEWAY, Boolean.class) == null) {
                        breaker.recordSuccess();
                    }
                })
                .recover(failure -> Future.succeededFuture(answerFor(request, failure)));
    }

    private ProxyResponse answerFor(ProxyRequest request, Throwable failure) {
        boolean callerLeft = request.proxiedRequest().response().closed();
        if (!callerLeft) {
            upstream.breaker().recordFailure(System.nanoTime());
        }
        Problem problem = failure instanceof TimeoutException
                ? ProblemResponses.upstreamTimeout(upstream.service())
                : ProblemResponses.upstreamUnreachable(upstream.service());
        LOG.warnf("%s %s → %d: %s (request %s)", request.getMethod(), request.proxiedRequest().path(),
                problem.status(), failure.toString(), RequestIdFilter.requestIdOf(request.proxiedRequest()));
        return ProblemResponses.toProxyResponse(request.release(), problem);
    }
}
