package org.liudong.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private static final long OPEN_FOR = 10_000;

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        CircuitBreaker breaker = new CircuitBreaker(3, OPEN_FOR);
        breaker.recordFailure(0);
        breaker.recordFailure(0);
        assertThat(breaker.remainingOpenNanos(0)).isZero();
        breaker.recordFailure(100);
        assertThat(breaker.remainingOpenNanos(100)).isEqualTo(OPEN_FOR);
        assertThat(breaker.remainingOpenNanos(100 + OPEN_FOR)).isZero();
    }

    @Test
    void successInBetweenStartsTheCountAgain() {
        CircuitBreaker breaker = new CircuitBreaker(2, OPEN_FOR);
        breaker.recordFailure(0);
        breaker.recordSuccess();
        breaker.recordFailure(0);
        assertThat(breaker.remainingOpenNanos(0)).isZero();
    }

    @Test
    void failedTrialAfterTheRestOpensItAgainAndASuccessfulOneClosesIt() {
        CircuitBreaker breaker = new CircuitBreaker(1, OPEN_FOR);
        breaker.recordFailure(0);
        breaker.recordFailure(OPEN_FOR);
        assertThat(breaker.remainingOpenNanos(OPEN_FOR)).isEqualTo(OPEN_FOR);
        breaker.recordSuccess();
        assertThat(breaker.remainingOpenNanos(OPEN_FOR)).isZero();
    }
}
