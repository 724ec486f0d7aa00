package org.liudong.migration.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.liudong.migration.service.PersonProjection;
import org.liudong.platform.consumer.CloudEventReader;
import org.liudong.platform.consumer.DatabaseOutages;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.events.CloudEvent;

import java.time.Duration;

/**
 * Reads {@code registry.events} into the person projection. A record that is not a readable person event
 * throws {@link PoisonEventException}; the connector's dead-letter strategy then forwards it to
 * {@code migration-service.dlq} with the reason in the {@code dead-letter-reason} header. A failure of the
 * database itself (unreachable, restarting, transaction not committable now) is no fault of the record: it is
 * retried with growing pauses and the record stays unacknowledged, so the partition resumes in order once the
 * database is back.
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    public static final String CHANNEL = "registry-events";
    private static final Logger LOG = Logger.getLogger(RegistryEventsConsumer.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);

    private final CloudEventReader reader;
    private final PersonProjection projection;

    public RegistryEventsConsumer(CloudEventReader reader, PersonProjection projection) {
        this.reader = reader;
        this.projection = projection;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(String value) {
        CloudEvent event = reader.read(value);
        if (!RegistryEvents.PERSON_LEVEL.contains(event.type)) {
            return; // household-level or unknown types change no person
        }
        try {
            PersonState state = PersonState.of(event.data);
            if (!DatabaseOutages.waitOut(() -> projection.apply(event.uuid(), event.type, state), FIRST_PAUSE,
                    event.type + " " + event.id)) {
                LOG.debugf("Skipped redelivered event %s", event.id);
            }
        } catch (PoisonEventException e) {
            throw new PoisonEventException(event.type + " " + event.id + ": " + e.getMessage());
        }
    }
}
