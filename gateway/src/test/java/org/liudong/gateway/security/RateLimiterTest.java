package org.liudong.gateway.security;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.config.GatewayConfig;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void peopleAndIntegratorsHaveTheDocumentedDefaults() {
        RateLimiter limiter = new RateLimiter(config(Map.of()));
        assertThat(limiter.limitFor("liudong-cli", false))
                .returns(200, GatewayConfig.Bucket::requestsPerSecond)
                .returns(400, GatewayConfig.Bucket::burst);
        assertThat(limiter.limitFor("integrator-620821", true))
                .returns(5000, GatewayConfig.Bucket::requestsPerSecond)
                .returns(10000, GatewayConfig.Bucket::burst);
    }

    @Test
    void namedClientsOwnLimitWinsOverItsRole() {
        RateLimiter limiter = new RateLimiter(config(Map.of(
                "liudong.gateway.rate-limit.clients.\"integrator-440305\".requests-per-second", "50",
                "liudong.gateway.rate-limit.clients.\"integrator-440305\".burst", "60")));
        assertThat(limiter.limitFor("integrator-440305", true))
                .returns(50, GatewayConfig.Bucket::requestsPerSecond)
                .returns(60, GatewayConfig.Bucket::burst);
        assertThat(limiter.limitFor("integrator-620821", true).requestsPerSecond()).isEqualTo(5000);
    }

    @Test
    void eachCallerHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(config(Map.of(
                "liudong.gateway.rate-limit.people.requests-per-second", "1",
                "liudong.gateway.rate-limit.people.burst", "1")));
        GatewayConfig.Bucket people = limiter.limitFor("liudong-cli", false);
        assertThat(limiter.tryAcquire("liudong-cli alice", people, 0)).isZero();
        assertThat(limiter.tryAcquire("liudong-cli alice", people, 0)).isPositive();
        assertThat(limiter.tryAcquire("liudong-cli bob", people, 0)).isZero();
    }

    private static GatewayConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withMapping(GatewayConfig.class)
                .withDefaultValues(properties)
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
