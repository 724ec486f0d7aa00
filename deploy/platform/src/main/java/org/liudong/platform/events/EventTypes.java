package org.liudong.platform.events;

/**
 * Event type names: {@code liudong.<service>.<event>.v<N>}. A new meaning gets a new version, never a
 * changed payload under the old name.
 */
public final class EventTypes {

    private static final String SCHEMA_BASE = "urn:liudong:schema:";

    private EventTypes() {
    }

    public static String type(String service, String event, int version) {
        return "liudong." + service + "." + event + ".v" + version;
    }

    /** The {@code dataschema} attribute: names the JSON Schema file {@code schemas/<type>.json} of the producer. */
    public static String schemaUri(String type) {
        return SCHEMA_BASE + type;
    }

    /** "liudong.registry.person-registered.v1" → "person-registered". */
    public static String eventName(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 4 ? parts[2] : type;
    }
}
