package org.liudong.assessment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.liudong.assessment.service.ProjectionService;
import org.liudong.platform.consumer.BatchConsumer;
import org.liudong.platform.consumer.CloudEventReader;

import java.time.Duration;

/**
 * Consumes {@code registry.events} and {@code migration.events} in batches, one transaction per batch, poison
 * events to {@code assessment-service.dlq} (see {@link BatchConsumer}).
 */
@ApplicationScoped
public class EventConsumer {

    public static final String REGISTRY_CHANNEL = "registry-events";
    public static final String MIGRATION_CHANNEL = "migration-events";
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private final ProjectionService projection;
    private final BatchConsumer batches;

    public EventConsumer(CloudEventReader reader, ProjectionService projection,
                         @Channel(BatchConsumer.DEAD_LETTERS) Emitter<String> deadLetters) {
        this.projection = projection;
        this.batches = new BatchConsumer(reader, deadLetters, FIRST_PAUSE);
    }

    @Incoming(REGISTRY_CHANNEL)
    @Blocking
    public void registry(ConsumerRecords<String, String> records) {
        batches.consume(records, projection::apply);
    }

    @Incoming(MIGRATION_CHANNEL)
    @Blocking
    public void migration(ConsumerRecords<String, String> records) {
        batches.consume(records, projection::apply);
    }
}
