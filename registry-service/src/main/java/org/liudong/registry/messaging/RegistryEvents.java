package org.liudong.registry.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.events.EventTypes;
import org.liudong.platform.events.Topics;
import org.liudong.platform.outbox.Outbox;
import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.Person;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes registry events to the outbox, inside the caller's transaction. Payloads follow the event catalogue:
 * ids, counties, sex, birth year and {@code idIndex} — never an ID number, name or phone.
 */
@ApplicationScoped
public class RegistryEvents {

    public static final String SOURCE = "/liudong/registry-service";
    public static final String SERVICE = "registry";

    public static final String HOUSEHOLD_REGISTERED = "household-registered";
    public static final String HOUSEHOLD_DISSOLVED = "household-dissolved";
    public static final String PERSON_REGISTERED = "person-registered";
    public static final String MEMBER_ADDED = "member-added";
    public static final String MEMBER_MOVED = "member-moved";
    public static final String HEAD_CHANGED = "head-changed";
    public static final String PERSON_CORRECTED = "person-corrected";
    public static final String BIRTH_REGISTERED = "birth-registered";
    public static final String DEATH_REGISTERED = "death-registered";
    public static final String PERSON_CANCELLED = "person-cancelled";

    private final Outbox outbox;
    private final ObjectMapper json;

    public RegistryEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public static String type(String event) {
        return EventTypes.type(SERVICE, event, 1);
    }

    public CloudEvent householdRegistered(Household household, int memberCount) {
        return append(HOUSEHOLD_REGISTERED, household.id, household.county, householdRegisteredData(household, memberCount));
    }

    private ObjectNode householdRegisteredData(Household household, int memberCount) {
        return json.createObjectNode()
                .put("householdId", household.id.toString())
                .put("householdNumber", household.householdNumber)
                .put("county", household.county)
                .put("township", household.township)
                .put("memberCount", memberCount)
                .put("occurredAt", Instant.now().toString());
    }

    public CloudEvent householdDissolved(Household household) {
        ObjectNode data = json.createObjectNode()
                .put("householdId", household.id.toString())
                .put("county", household.county)
                .put("occurredAt", Instant.now().toString());
        return append(HOUSEHOLD_DISSOLVED, household.id, household.county, data);
    }

    /** A person-level event: the common fields, household, relation and status, plus what {@code extra} adds. */
    public CloudEvent person(String event, Person person, Consumer<ObjectNode> extra) {
        return append(event, person.id, person.registryCounty, personData(person, extra));
    }

    private ObjectNode personData(Person person, Consumer<ObjectNode> extra) {
        ObjectNode data = json.createObjectNode()
                .put("personId", person.id.toString())
                .put("county", person.registryCounty)
                .put("sex", person.sex.name())
                .put("birthYear", person.birthDate.getYear())
                .put("idIndex", person.idIndex)
                .put("householdId", person.householdId == null ? null : person.householdId.toString())
                .put("relation", person.relation.name())
                .put("status", person.status.name())
                .put("occurredAt", Instant.now().toString());
        extra.accept(data);
        return data;
    }

    public CloudEvent person(String event, Person person) {
        return person(event, person, data -> { });
    }

    private CloudEvent append(String event, UUID subject, String county, ObjectNode data) {
        CloudEvent cloudEvent = event(event, subject, county, data);
        outbox.append(Topics.REGISTRY_EVENTS, subject.toString(), cloudEvent);
        return cloudEvent;
    }

    private static CloudEvent event(String event, UUID subject, String county, ObjectNode data) {
        return CloudEvent.of(SOURCE, type(event), subject.toString(), data).with("county", county);
    }

    /** The events of one import batch, all stamped {@code now}. */
    public ImportEvents forImport(String county, OffsetDateTime now) {
        return new ImportEvents(county, now);
    }
}
