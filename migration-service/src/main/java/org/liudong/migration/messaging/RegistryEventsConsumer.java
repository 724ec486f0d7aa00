package org.liudong.migration.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.liudong.migration.service.PersonProjection;
import org.liudong.platform.consumer.BatchConsumer;
import org.liudong.platform.consumer.CloudEventReader;

import java.time.Duration;

/**
 * Reads {@code registry.events} into the person projection, a batch per transaction. A record that is not a
 * readable person event goes to {@code migration-service.dlq} with the reason in its {@code dead-letter-reason}
 * header; a failure of the database itself (unreachable, restarting, transaction not committable now) is no fault
 * of the records: they are retried with growing pauses and stay unacknowledged, so the partition resumes in order
 * once the database is back (see {@link BatchConsumer}).
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    public static final String CHANNEL = "registry-events";
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);

    private final PersonProjection projection;
    private final BatchConsumer batches;

    public RegistryEventsConsumer(CloudEventReader reader, PersonProjection projection,
                                  @Channel(BatchConsumer.DEAD_LETTERS) Emitter<String> deadLetters) {
        this.projection = projection;
        this.batches = new BatchConsumer(reader, deadLetters, FIRST_PAUSE);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.consume(records, projection::apply);
    }
}
