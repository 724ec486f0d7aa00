package org.liudong.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.liudong.platform.events.AcknowledgedSends;
import org.liudong.platform.events.CloudEvent;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in id order and deletes them only after the broker acknowledged every one
 * (acks=all, idempotent producer). A crash between the acknowledgement and the delete publishes the rows
 * again: consumers see duplicates, never gaps, and drop duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** How often a backlog is counted: a bulk import leaves a million events, and each count reads them all. */
    private static final Duration COUNT_INTERVAL = Duration.ofSeconds(10);

    private final OutboxRepository repository;
    private final DataSource dataSource;
    private final Emitter<String> emitter;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Duration pollInterval;
    private int failuresInARow;
    private long nextCountNanos = System.nanoTime();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(OutboxRepository repository,
                       DataSource dataSource,
                       @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * BATCH)
                       Emitter<String> emitter,
                       MeterRegistry meters,
                       // Quarkus's scheduler ticks at most once a second: too slow for notices "within seconds"
                       @ConfigProperty(name = "liudong.outbox.poll-interval", defaultValue = "50ms")
                       Duration pollInterval) {
        this.repository = repository;
        this.dataSource = dataSource;
        this.pollInterval = pollInterval;
        this.emitter = emitter;
        Gauge.builder("liudong.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka").register(meters);
        Gauge.builder("liudong.outbox.lag.seconds", oldestAgeMillis, age -> age.get() / 1000.0)
                .description("Age of the oldest unpublished event").register(meters);
    }

    void start(@Observes StartupEvent started) {
        // After a second: the Kafka channel connects during start-up, and a send before that only fails.
        worker.scheduleWithFixedDelay(this::relay, 1000, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        worker.shutdown();
    }

    /** Drains the outbox; the one worker thread runs it, so batches never overlap. */
    void relay() {
        try {
            if (!anyPending()) {
                pending.set(0);
                oldestAgeMillis.set(0);
                failuresInARow = 0;
                return;
            }
        } catch (SQLException e) {
            // the transactional path below meets the same failure and reports it
        }
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            while (publishBatch() == BATCH) {
                // a full batch means more may be waiting: drain before the next tick
            }
            failuresInARow = 0;
        } catch (RuntimeException e) {
            // at every tick while Kafka or PostgreSQL is away: say so once, then now and then
            if (failuresInARow++ % 200 == 0) {
                LOG.warnf("Outbox relay cannot publish (%d attempts so far), will keep trying: %s",
                        failuresInARow, e.getMessage());
            }
        } finally {
            requestContext.terminate();
        }
    }

    /**
     * A plain query on a pooled connection, no transaction, persistence context or advisory lock: most polls find the
     * outbox empty, and the full path cost each service a few per cent of a core twenty times a second for nothing.
     */
    private boolean anyPending() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select exists (select 1 from outbox)")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /** @return how many events were published */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.tryLockForRelay()) {
                return 0;
            }
            List<OutboxEntry> batch = repository.oldest(BATCH);
            updateLag(batch);
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            repository.deletePublished(batch);
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEntry entry) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return AcknowledgedSends.send(emitter, entry.payload, OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(entry.topic)
                .withKey(entry.recordKey)
                .withHeaders(headers)
                .build());
    }

    private void updateLag(List<OutboxEntry> batch) {
        long now = System.nanoTime();
        if (batch.size() < BATCH) {
            pending.set(batch.size());
        } else if (now - nextCountNanos >= 0) {
            pending.set(repository.count());
            nextCountNanos = now + COUNT_INTERVAL.toNanos();
        } else {
            // counting a backlog scans the whole table: between counts, each full batch comes off the last count
            pending.set(Math.max(BATCH, pending.get() - BATCH));
        }
        oldestAgeMillis.set(batch.isEmpty() ? 0
                : Duration.between(batch.get(0).createdAt, OffsetDateTime.now()).toMillis());
    }
}
