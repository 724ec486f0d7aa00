package org.liudong.migration.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.liudong.platform.consumer.PoisonEventException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/** The person-level part of a registry event's {@code data}, checked field by field. */
public record PersonState(UUID personId, String county, String idIndex, String sex, int birthYear, String status,
                          UUID householdId, OffsetDateTime occurredAt) {

    private static final Set<String> SEXES = Set.of("M", "F");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "DECEASED", "CANCELLED");

    /** @throws PoisonEventException naming the first field that is missing or malformed */
    public static PersonState of(JsonNode data) {
        UUID personId = uuid(data, "personId", true);
        String county = text(data, "county");
        if (!county.matches("\\d{6}")) {
            throw poison("county", "is not a six-digit division code");
        }
        String idIndex = text(data, "idIndex");
        if (!idIndex.matches("[0-9a-f]{64}")) {
            throw poison("idIndex", "is not a hex HMAC-SHA256");
        }
        String sex = text(data, "sex");
        if (!SEXES.contains(sex)) {
            throw poison("sex", "must be M or F");
        }
        JsonNode birthYear = data.get("birthYear");
        if (birthYear == null || !birthYear.canConvertToInt()) {
            throw poison("birthYear", "must be an integer");
        }
        String status = text(data, "status");
        if (!STATUSES.contains(status)) {
            throw poison("status", "must be ACTIVE, DECEASED or CANCELLED");
        }
        OffsetDateTime occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(text(data, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw poison("occurredAt", "is not an ISO instant");
        }
        return new PersonState(personId, county, idIndex, sex, birthYear.intValue(), status,
                uuid(data, "householdId", false), occurredAt);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw poison(field, "is missing");
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode data, String field, boolean required) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw poison(field, "is missing");
            }
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw poison(field, "is not a UUID");
        }
    }

    private static PoisonEventException poison(String field, String reason) {
        return new PoisonEventException("data." + field + " " + reason);
    }
}
