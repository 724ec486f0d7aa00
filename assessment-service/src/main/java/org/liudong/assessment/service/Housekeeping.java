package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.repository.StreamEventRepository;
import org.liudong.platform.idempotency.IdempotentRequests;

import java.time.Instant;

/**
 * Forgets what is kept only for a while, so the tables do not grow without bound: live-feed entries older than
 * {@code stream-retention} and Idempotency-Key answers older than {@code idempotency-retention}.
 */
@ApplicationScoped
public class Housekeeping {

    /** Feed entries deleted per transaction: a backlog is worked off without one long transaction. */
    private static final int BATCH = 10_000;

    private final StreamEventRepository stream;
    private final IdempotentRequests idempotency;
    private final AssessmentConfig config;

    public Housekeeping(StreamEventRepository stream, IdempotentRequests idempotency, AssessmentConfig config) {
        this.stream = stream;
        this.idempotency = idempotency;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        purgeFeed();
        idempotency.purgeOlderThan(config.idempotencyRetention());
    }

    /** @return how many feed entries were deleted */
    public int purgeFeed() {
        Instant cutoff = Instant.now().minus(config.streamRetention());
        int deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> stream.purgeCreatedBefore(cutoff, BATCH));
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
