package org.liudong.gateway.security;

/**
 * A token bucket: holds at most {@code burst} tokens, gains {@code perSecond} tokens a second, and each request
 * takes one. Time is passed in (nanoseconds) so that the arithmetic can be tested without waiting.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int perSecond, int burst, long now) {
        this.capacity = Math.max(1, burst);
        this.tokensPerNano = Math.max(1, perSecond) / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token: zero when granted, otherwise the nanoseconds until one will be there. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** A full bucket holds nothing worth keeping: forgetting it and starting anew gives the same answers. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }
}
