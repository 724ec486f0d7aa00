package org.liudong.gateway.proxy;

import org.liudong.gateway.config.GatewayConfig;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a failing service a rest: after {@code failureThreshold} consecutive connection failures or timeouts,
 * callers get 503 at once for {@code openFor} instead of each waiting for a timeout. After that the next requests
 * go through again; one success closes the breaker, one more failure opens it again.
 */
public final class CircuitBreaker {

    private final int failureThreshold;
    private final long openForNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile boolean open;
    private volatile long openUntil;

    public CircuitBreaker(GatewayConfig.CircuitBreaker config) {
        this(config.failureThreshold(), config.openFor().toNanos());
    }

    CircuitBreaker(int failureThreshold, long openForNanos) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openForNanos = openForNanos;
    }

    /** Zero when the service may be called now, otherwise how long callers still have to wait. */
    public long remainingOpenNanos(long now) {
        if (!open) {
            return 0;
        }
        return Math.max(0, openUntil - now);
    }

    public void recordSuccess() {
        consecutiveFailures.set(0);
        open = false;
    }

    public void recordFailure(long now) {
        if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
            openUntil = now + openForNanos;
            open = true;
        }
    }
}
