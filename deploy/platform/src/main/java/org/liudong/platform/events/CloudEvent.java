package org.liudong.platform.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode. Extension attributes ({@code county}, {@code origincounty},
 * {@code destcounty}) sit at the top level beside the required attributes, as the specification wants, so
 * consumers can route on them without reading {@code data}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CloudEvent {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public String specversion = SPEC_VERSION;
    public String id;
    public String source;
    public String type;
    public String subject;
    public OffsetDateTime time;
    public String datacontenttype = "application/json";
    public String dataschema;
    public JsonNode data;

    private final Map<String, String> extensions = new LinkedHashMap<>();

    public static CloudEvent of(String source, String type, String subject, JsonNode data) {
        CloudEvent event = new CloudEvent();
        event.id = UUID.randomUUID().toString();
        event.source = source;
        event.type = type;
        event.subject = subject;
        event.time = OffsetDateTime.now();
        event.dataschema = EventTypes.schemaUri(type);
        event.data = data;
        return event;
    }

    public CloudEvent with(String extension, String value) {
        extensions.put(extension, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, String> extensions() {
        return extensions;
    }

    @JsonAnySetter
    void extension(String name, Object value) {
        extensions.put(name, value == null ? null : value.toString());
    }

    public Optional<String> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }

    @JsonIgnore
    public UUID uuid() {
        return UUID.fromString(id);
    }
}
