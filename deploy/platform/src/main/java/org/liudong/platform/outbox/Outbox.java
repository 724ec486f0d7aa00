package org.liudong.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.events.CloudEvent;

import java.time.OffsetDateTime;

/**
 * Records events in the caller's transaction, so an event exists exactly when the change it reports was
 * committed. {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;

    public Outbox(OutboxRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** @param key the Kafka record key: the person id, so one person's events stay in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, CloudEvent event) {
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = event.uuid();
        entry.topic = topic;
        entry.recordKey = key;
        entry.createdAt = OffsetDateTime.now();
        try {
            entry.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type + " cannot be written as JSON", e);
        }
        repository.persist(entry);
    }
}
