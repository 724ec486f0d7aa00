package org.liudong.migration.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.events.EventTypes;
import org.liudong.platform.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to {@code registry.events} what registry-service publishes: structured CloudEvents keyed by person
 * id, with the registry's source, type, {@code county} extension and data fields.
 */
public final class RegistryTopic {

    public static final String SOURCE = "/liudong/registry-service";
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static KafkaProducer<String, String> producer;

    private RegistryTopic() {
    }

    public static String type(String event) {
        return EventTypes.type("registry", event, 1);
    }

    /** The event the registry writes for a person-level change (common fields + householdId, relation, status). */
    public static CloudEvent personEvent(String event, People.TestPerson person, String status, Instant occurredAt) {
        ObjectNode data = JSON.createObjectNode()
                .put("personId", person.id().toString())
                .put("county", person.county())
                .put("sex", person.sex())
                .put("birthYear", person.birthYear())
                .put("idIndex", person.idIndex())
                .put("householdId", person.householdId().toString())
                .put("relation", "HEAD")
                .put("status", status)
                .put("occurredAt", occurredAt.toString());
        if (event.equals("person-corrected")) {
            data.putArray("fields").add("name");
        } else if (event.equals("member-moved")) {
            data.put("fromHouseholdId", UUID.randomUUID().toString());
        } else if (event.equals("birth-registered")) {
            data.put("birthDate", person.birthDate().toString());
        } else if (event.equals("death-registered")) {
            data.put("diedOn", occurredAt.toString().substring(0, 10));
        } else if (event.equals("person-cancelled")) {
            data.put("cancelledOn", occurredAt.toString().substring(0, 10)).put("reason", "SETTLED_ABROAD");
        }
        return CloudEvent.of(SOURCE, type(event), person.id().toString(), data).with("county", person.county());
    }

    public static CloudEvent registered(People.TestPerson person) {
        return personEvent("person-registered", person, "ACTIVE", Instant.now());
    }

    public static void publish(CloudEvent event) {
        send(event.subject, write(event));
    }

    /** Sends any value, e.g. a malformed record, the way the registry's relay sends events. */
    public static synchronized void send(String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.REGISTRY_EVENTS, key, value);
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to registry.events", e);
        }
    }

    public static String write(CloudEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
