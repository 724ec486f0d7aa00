package org.liudong.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonString;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.liudong.gateway.config.GatewayConfig;
import org.liudong.gateway.http.ProblemResponses;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-caller rate limit. Each (client {@code azp}, subject {@code sub}) pair has its own token bucket, so one
 * busy clerk or integration slows only itself. The bucket's size depends on who calls: a configured client's
 * own limit, otherwise the {@code integrator} limit for machine clients, otherwise the people limit. Over the
 * limit: 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimiter {

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final GatewayConfig.RateLimit config;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_INTERVAL_NANOS);

    RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    public void handle(RoutingContext context) {
        SecurityIdentity caller = ApiAuthentication.callerOf(context);
        if (!config.enabled() || caller == null) {
            context.next();
            return;
        }
        String client = claim(caller, "azp");
        String subject = claim(caller, "sub");
        GatewayConfig.Bucket limit = limitFor(client, caller.hasRole("integrator"));
        long waitNanos = tryAcquire(client + " " + subject, limit, System.nanoTime());
        if (waitNanos == 0) {
            context.next();
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemResponses.send(context, ProblemResponses.tooManyRequests(retryAfter));
    }

    long tryAcquire(String key, GatewayConfig.Bucket limit, long now) {
        sweepIfDue(now);
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit.requestsPerSecond(), limit.burst(), now))
                .tryTake(now);
    }

    GatewayConfig.Bucket limitFor(String client, boolean integrator) {
        GatewayConfig.Bucket own = config.clients().get(client);
        if (own != null) {
            return own;
        }
        return integrator ? config.integrator() : config.people();
    }

    /** Forgets callers whose buckets have filled up again, so the map holds only recently active ones. */
    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    private static String claim(SecurityIdentity caller, String name) {
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            if (value instanceof JsonString string) {
                return string.getString();
            }
            if (value != null) {
                return value.toString();
            }
        }
        return "sub".equals(name) ? caller.getPrincipal().getName() : "-";
    }
}
