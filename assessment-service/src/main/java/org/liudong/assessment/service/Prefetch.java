package org.liudong.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.repository.HouseholdRepository;
import org.liudong.assessment.repository.MoveRepository;
import org.liudong.assessment.repository.PersonRepository;
import org.liudong.assessment.repository.VerificationRepository;
import org.liudong.platform.events.CloudEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the rows a batch of events will touch with one query per table, so the projections find them, or learn
 * that they are new, without asking the database once per event.
 */
@ApplicationScoped
public class Prefetch {

    private final PersonRepository persons;
    private final HouseholdRepository households;
    private final MoveRepository moves;
    private final VerificationRepository verifications;

    public Prefetch(PersonRepository persons, HouseholdRepository households, MoveRepository moves,
                    VerificationRepository verifications) {
        this.persons = persons;
        this.households = households;
        this.moves = moves;
        this.verifications = verifications;
    }

    /** Loads the rows the events name; the persistence context holds them, the returned rows tell what is new. */
    public BatchRows load(List<CloudEvent> events) {
        BatchRows rows = new BatchRows();
        Set<UUID> personIds = ids(events, "personId", "liudong.registry.");
        Set<UUID> householdIds = ids(events, "householdId", "liudong.registry.");
        Set<UUID> moveIds = ids(events, "moveId", "liudong.migration.");
        Set<UUID> verificationIds = ids(events, "verificationId", "liudong.migration.");
        if (!personIds.isEmpty()) {
            rows.persons.loaded(personIds, persons.list("personId in ?1", personIds), p -> p.personId);
        }
        if (!householdIds.isEmpty()) {
            rows.households.loaded(householdIds, households.list("householdId in ?1", householdIds), h -> h.householdId);
        }
        if (!moveIds.isEmpty()) {
            rows.moves.loaded(moveIds, moves.list("moveId in ?1", moveIds), m -> m.moveId);
        }
        if (!verificationIds.isEmpty()) {
            rows.verifications.loaded(verificationIds, verifications.list("verificationId in ?1", verificationIds),
                    v -> v.verificationId);
        }
        return rows;
    }

    private static Set<UUID> ids(List<CloudEvent> events, String field, String typePrefix) {
        Set<UUID> ids = new HashSet<>();
        for (CloudEvent event : events) {
            JsonNode value = event.type.startsWith(typePrefix) && event.data != null ? event.data.get(field) : null;
            if (value != null && value.isTextual()) {
                try {
                    ids.add(UUID.fromString(value.asText()));
                } catch (IllegalArgumentException e) {
                    // a malformed id is reported when the event itself is applied
                }
            }
        }
        return ids;
    }
}
