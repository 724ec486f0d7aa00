package org.liudong.assessment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.liudong.assessment.service.ProjectionService;
import org.liudong.platform.consumer.CloudEventReader;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.events.CloudEvent;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code registry.events} and {@code migration.events} in batches: one transaction per batch for
 * throughput. Unreadable records go to the dead-letter topic before the batch is applied; if the batch still
 * fails, its records are applied one by one so that only the culprit is dead-lettered. When the database
 * itself is unreachable nothing is dead-lettered: the batch waits and is retried until it is back.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String REGISTRY_CHANNEL = "registry-events";
    public static final String MIGRATION_CHANNEL = "migration-events";
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final CloudEventReader reader;
    private final ProjectionService projection;
    private final DeadLetters deadLetters;

    public EventConsumer(CloudEventReader reader, ProjectionService projection, DeadLetters deadLetters) {
        this.reader = reader;
        this.projection = projection;
        this.deadLetters = deadLetters;
    }

    @Incoming(REGISTRY_CHANNEL)
    @Blocking
    public void registry(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming(MIGRATION_CHANNEL)
    @Blocking
    public void migration(ConsumerRecords<String, String> records) {
        consume(records);
    }

    private record Received(ConsumerRecord<String, String> record, CloudEvent event) {
    }

    void consume(ConsumerRecords<String, String> records) {
        List<Received> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Received(record, reader.read(record.value())));
            } catch (PoisonEventException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        try {
            whileDatabaseIsDown(() -> projection.apply(readable.stream().map(Received::event).toList()));
        } catch (RuntimeException batchFailure) {
            readable.forEach(this::applyAlone);
        }
    }

    private void applyAlone(Received received) {
        try {
            whileDatabaseIsDown(() -> projection.apply(List.of(received.event())));
        } catch (RuntimeException e) {
            deadLetters.send(received.record(), reasonOf(e));
        }
    }

    /** Runs the work, retrying with growing pauses for as long as the failure is the database being unreachable. */
    private static void whileDatabaseIsDown(Runnable work) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!isDatabaseUnavailable(e)) {
                    throw e;
                }
                LOG.warnf("Database unavailable, retrying the batch in %s: %s", pause, e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static String reasonOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "could not be applied: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Connection refused or lost, no connection from the pool, server shutting down (SQL states 08…, 57P…). */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }
}
