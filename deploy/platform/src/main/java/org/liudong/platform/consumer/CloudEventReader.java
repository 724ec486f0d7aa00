package org.liudong.platform.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.platform.events.CloudEvent;

/**
 * Reads a structured-mode CloudEvent from a Kafka record value. An unreadable record is a poison message:
 * {@link PoisonEventException} sends it to the consumer's dead-letter topic with the reason.
 */
@ApplicationScoped
public class CloudEventReader {

    private final ObjectMapper json;

    public CloudEventReader(ObjectMapper json) {
        this.json = json;
    }

    public CloudEvent read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record");
        }
        return parsed(() -> json.readValue(value, CloudEvent.class));
    }

    /** The same from the record's UTF-8 bytes, which spares decoding them into a string first. */
    public CloudEvent read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new PoisonEventException("empty record");
        }
        return parsed(() -> json.readValue(value, CloudEvent.class));
    }

    private interface Parse {
        CloudEvent run() throws IOException;
    }

    private static CloudEvent parsed(Parse parse) {
        CloudEvent event;
        try {
            event = parse.run();
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("not a CloudEvent in JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the JSON literal null reads as no event at all
        if (event == null || event.id == null || event.type == null || event.data == null || !CloudEvent.SPEC_VERSION.equals(event.specversion)) {
            throw new PoisonEventException("a CloudEvents 1.0 event needs specversion, id, type and data");
        }
        try {
            event.uuid();
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event id is not a UUID: " + event.id);
        }
        return event;
    }
}
