package org.liudong.assessment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.events.CloudEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Typed access to an event's {@code data}. A required field that is missing or malformed makes the event
 * poison: no retry can fix it, so it goes to the dead-letter topic with the field named in the reason.
 */
public final class EventData {

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");
    private static final String[] UUID_FIELDS = {"personId", "householdId", "fromHouseholdId", "moveId", "verificationId"};
    private static final String[] DATE_FIELDS = {"departedOn", "registeredOn", "arrivedOn", "returnedOn", "dueOn", "diedOn"};

    private final CloudEvent event;
    private final JsonNode data;
    /** The checked identifiers and dates by field (absent fields too, as null): each is parsed once per event. */
    private final Map<String, Object> parsed = new HashMap<>();
    private Instant occurredAt;

    public EventData(CloudEvent event) {
        this.event = event;
        this.data = event.data;
        if (!data.isObject()) {
            throw poison("data is not a JSON object");
        }
        checkFormats();
    }

    /**
     * Checks every typed field that is present before anything is applied, so a malformed event fails as a
     * whole and never half-way through.
     */
    private void checkFormats() {
        for (String field : UUID_FIELDS) {
            parsed.put(field, parseUuid(field));
        }
        for (String field : DATE_FIELDS) {
            parsed.put(field, parseDate(field));
        }
        optionalInt("birthYear");
        occurredAt = parseOccurredAt();
    }

    public String type() {
        return event.type;
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw poison("missing field " + field);
        }
        return value;
    }

    public String optionalText(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /** A county code: six digits. */
    public String county(String field) {
        String value = text(field);
        if (!COUNTY.matcher(value).matches()) {
            throw poison("field " + field + " is not a county code: " + value);
        }
        return value;
    }

    public UUID uuid(String field) {
        UUID value = optionalUuid(field);
        if (value == null) {
            throw poison("missing field " + field);
        }
        return value;
    }

    public UUID optionalUuid(String field) {
        return parsed.containsKey(field) ? (UUID) parsed.get(field) : parseUuid(field);
    }

    private UUID parseUuid(String field) {
        String value = optionalText(field);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw poison("field " + field + " is not a UUID");
        }
    }

    public Integer optionalInt(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw poison("field " + field + " is not an integer");
        }
        return node.asInt();
    }

    public boolean flag(String field) {
        JsonNode node = data.get(field);
        return node != null && node.asBoolean(false);
    }

    /** When it happened: {@code occurredAt}, falling back on the envelope's {@code time}. */
    public Instant occurredAt() {
        return occurredAt != null ? occurredAt : parseOccurredAt();
    }

    private Instant parseOccurredAt() {
        String value = optionalText("occurredAt");
        if (value == null) {
            if (event.time == null) {
                throw poison("missing field occurredAt");
            }
            return event.time.toInstant();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw poison("field occurredAt is not an ISO instant");
            }
        }
    }

    public LocalDate optionalDate(String field) {
        return parsed.containsKey(field) ? (LocalDate) parsed.get(field) : parseDate(field);
    }

    private LocalDate parseDate(String field) {
        String value = optionalText(field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw poison("field " + field + " is not an ISO date");
        }
    }

    public LocalDate date(String field) {
        LocalDate value = optionalDate(field);
        if (value == null) {
            throw poison("missing field " + field);
        }
        return value;
    }

    private PoisonEventException poison(String reason) {
        return new PoisonEventException(event.type + " " + event.id + ": " + reason);
    }
}
