package org.liudong.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void burstIsGrantedAtOnceAndTheNextRequestMustWait() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 10);
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
    }

    @Test
    void idleTimeNeverFillsTheBucketBeyondItsBurst() {
        TokenBucket bucket = new TokenBucket(100, 2, 0);
        long later = 60 * SECOND;
        assertThat(bucket.isFull(later)).isTrue();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
        assertThat(bucket.isFull(later)).isFalse();
    }
}
