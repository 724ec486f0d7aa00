package org.liudong.assessment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.exception.JDBCConnectionException;
import org.liudong.assessment.service.ProjectionService;
import org.liudong.platform.consumer.CloudEventReader;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.events.CloudEvent;

import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code registry.events} and {@code migration.events} in batches: one transaction per batch for
 * throughput. Unreadable records go to the dead-letter topic before the batch is applied; if the batch still
 * fails, its records are applied one by one so that only the culprit is dead-lettered. A failure of the
 * database itself stops the channel instead (see application.properties): dead-lettering would not fix it.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String REGISTRY_CHANNEL = "registry-events";
    public static final String MIGRATION_CHANNEL = "migration-events";

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
            projection.apply(readable.stream().map(Received::event).toList());
        } catch (RuntimeException batchFailure) {
            rethrowIfInfrastructure(batchFailure);
            readable.forEach(this::applyAlone);
        }
    }

    private void applyAlone(Received received) {
        try {
            projection.apply(List.of(received.event()));
        } catch (RuntimeException e) {
            rethrowIfInfrastructure(e);
            deadLetters.send(received.record(), reasonOf(e));
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

    private static void rethrowIfInfrastructure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientException) {
                throw e;
            }
        }
    }
}
