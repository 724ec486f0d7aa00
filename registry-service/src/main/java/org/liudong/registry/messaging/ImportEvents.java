package org.liudong.registry.messaging;

import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.events.EventTypes;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.domain.PersonStatus;
import org.liudong.registry.domain.Relation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The outbox payloads of one import batch: the same CloudEvents {@link RegistryEvents} writes, as text from
 * templates. A batch writes thousands of them, and building a JSON tree per event and serialising it cost more than
 * storing the rows; what the batch's events share (attributes, county, time) is written once per batch.
 */
public final class ImportEvents {

    private final String county;
    private final String time;
    private final String householdRegistered;
    private final String personRegistered;
    private final String memberAdded;

    ImportEvents(String county, OffsetDateTime now) {
        this.county = json(county);
        this.time = json(now.toInstant().toString());
        this.householdRegistered = head(RegistryEvents.HOUSEHOLD_REGISTERED);
        this.personRegistered = head(RegistryEvents.PERSON_REGISTERED);
        this.memberAdded = head(RegistryEvents.MEMBER_ADDED);
    }

    public String householdRegistered(UUID eventId, UUID householdId, String householdNumber, String township,
                                      int memberCount) {
        StringBuilder out = start(householdRegistered, eventId, householdId);
        out.append("\"householdId\":\"").append(householdId)
                .append("\",\"householdNumber\":").append(json(householdNumber))
                .append(",\"county\":").append(county)
                .append(",\"township\":").append(json(township))
                .append(",\"memberCount\":").append(memberCount);
        return end(out);
    }

    /**
     * A person-level event of an active person (the common fields, household and relation):
     * {@link RegistryEvents#PERSON_REGISTERED} or {@link RegistryEvents#MEMBER_ADDED}.
     */
    public String person(String event, UUID eventId, UUID personId, UUID householdId, Sex sex, int birthYear,
                         String idIndex, Relation relation) {
        String head = switch (event) {
            case RegistryEvents.PERSON_REGISTERED -> personRegistered;
            case RegistryEvents.MEMBER_ADDED -> memberAdded;
            default -> throw new IllegalArgumentException("not an import event: " + event);
        };
        StringBuilder out = start(head, eventId, personId);
        out.append("\"personId\":\"").append(personId)
                .append("\",\"county\":").append(county)
                .append(",\"sex\":\"").append(sex.name())
                .append("\",\"birthYear\":").append(birthYear)
                .append(",\"idIndex\":").append(json(idIndex))
                .append(",\"householdId\":\"").append(householdId)
                .append("\",\"relation\":\"").append(relation.name())
                .append("\",\"status\":\"").append(PersonStatus.ACTIVE.name()).append('"');
        return end(out);
    }

    private String head(String event) {
        String type = RegistryEvents.type(event);
        return "{\"specversion\":" + json(CloudEvent.SPEC_VERSION) + ",\"source\":" + json(RegistryEvents.SOURCE)
                + ",\"type\":" + json(type) + ",\"time\":" + time + ",\"datacontenttype\":\"application/json\""
                + ",\"dataschema\":" + json(EventTypes.schemaUri(type)) + ",\"county\":" + county;
    }

    private static StringBuilder start(String head, UUID eventId, UUID subject) {
        return new StringBuilder(640).append(head).append(",\"id\":\"").append(eventId)
                .append("\",\"subject\":\"").append(subject).append("\",\"data\":{");
    }

    private String end(StringBuilder out) {
        return out.append(",\"occurredAt\":").append(time).append("}}").toString();
    }

    /** A JSON string literal. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
