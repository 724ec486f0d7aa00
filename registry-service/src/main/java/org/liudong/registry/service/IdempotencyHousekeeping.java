package org.liudong.registry.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.platform.idempotency.IdempotentRequests;
import org.liudong.registry.config.RegistryConfig;

/** Forgets Idempotency-Keys after the retention period, so the table does not grow without bound. */
@ApplicationScoped
public class IdempotencyHousekeeping {

    private final IdempotentRequests idempotency;
    private final RegistryConfig config;

    public IdempotencyHousekeeping(IdempotentRequests idempotency, RegistryConfig config) {
        this.idempotency = idempotency;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        idempotency.purgeOlderThan(config.idempotencyRetention());
    }
}
