package org.liudong.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where the services are, how long to wait for them, and what each caller may send. */
@ConfigMapping(prefix = "liudong.gateway")
public interface GatewayConfig {

    /** registry-service; {@code /api/registry/**} goes there with its path unchanged. */
    @WithDefault("http://127.0.0.1:8081")
    URI registryUrl();

    /** migration-service; {@code /api/migration/**}. */
    @WithDefault("http://127.0.0.1:8082")
    URI migrationUrl();

    /** assessment-service; {@code /api/assessment/**}. */
    @WithDefault("http://127.0.0.1:8083")
    URI assessmentUrl();

    /** How long to wait for a connection to a service before answering 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent before the caller gets 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * The same for long-lived requests: CSV imports, whose upload alone may take minutes, and server-sent event
     * streams ({@code Accept: text/event-stream}), which may stay quiet between events.
     */
    @WithDefault("10m")
    Duration streamTimeout();

    /** Open connections kept per service. */
    @WithDefault("100")
    int maxConnectionsPerUpstream();

    Limits limits();

    RateLimit rateLimit();

    CircuitBreaker circuitBreaker();

    interface Limits {

        /** Largest body of any request except CSV imports. */
        @WithDefault("1M")
        MemorySize jsonBody();

        /** Largest CSV upload to {@code POST /api/registry/imports}; streamed, never held in memory. */
        @WithDefault("200M")
        MemorySize importBody();
    }

    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Clerks, supervisors, analysts and admins: each (client, subject) pair has its own bucket. */
        People people();

        /** Machine clients with the {@code integrator} role. */
        Integrator integrator();

        /** Limits for named clients ({@code azp}), overriding the role's. */
        Map<String, Client> clients();

        interface People extends Bucket {
            @Override
            @WithDefault("200")
            int requestsPerSecond();

            @Override
            @WithDefault("400")
            int burst();
        }

        interface Integrator extends Bucket {
            @Override
            @WithDefault("5000")
            int requestsPerSecond();

            @Override
            @WithDefault("10000")
            int burst();
        }

        interface Client extends Bucket {
        }
    }

    /** A token bucket: refilled at {@code requestsPerSecond}, holding at most {@code burst} requests. */
    interface Bucket {
        int requestsPerSecond();

        int burst();
    }

    interface CircuitBreaker {

        /** Consecutive connection failures or timeouts after which a service is given a rest. */
        @WithDefault("5")
        int failureThreshold();

        /** How long callers get 503 at once before the gateway tries the service again. */
        @WithDefault("10s")
        Duration openFor();
    }
}
