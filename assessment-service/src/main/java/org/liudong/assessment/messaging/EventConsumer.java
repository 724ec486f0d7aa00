package org.liudong.assessment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.liudong.assessment.service.ProjectionService;
import org.liudong.platform.consumer.CloudEventReader;
import org.liudong.platform.consumer.DatabaseOutages;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.events.CloudEvent;

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
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

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
            applyWaitingForTheDatabase(readable.stream().map(Received::event).toList());
        } catch (RuntimeException batchFailure) {
            readable.forEach(this::applyAlone);
        }
    }

    private void applyAlone(Received received) {
        try {
            applyWaitingForTheDatabase(List.of(received.event()));
        } catch (RuntimeException e) {
            deadLetters.send(received.record(), reasonOf(e));
        }
    }

    private void applyWaitingForTheDatabase(List<CloudEvent> events) {
        DatabaseOutages.waitOut(() -> {
            projection.apply(events);
            return null;
        }, FIRST_PAUSE, "a batch of " + events.size() + " events");
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
}
