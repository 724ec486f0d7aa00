package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.repository.StreamEventRepository;

import java.time.Instant;

/**
 * Forgets live-feed entries older than {@code stream-retention}, so the feed does not grow without bound (the
 * platform's {@code IdempotentRequests} forgets old Idempotency-Keys likewise).
 */
@ApplicationScoped
public class Housekeeping {

    /** Feed entries deleted per transaction: a backlog is worked off without one long transaction. */
    private static final int BATCH = 10_000;

    private final StreamEventRepository stream;
    private final AssessmentConfig config;

    public Housekeeping(StreamEventRepository stream, AssessmentConfig config) {
        this.stream = stream;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        purgeFeed();
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
