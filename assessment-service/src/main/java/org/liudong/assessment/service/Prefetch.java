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
 * Loads the rows a batch of events will touch with one query per table, so the projections find them in the
 * persistence context instead of asking the database once per event.
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

    public void load(List<CloudEvent> events) {
        Set<UUID> personIds = ids(events, "personId", "liudong.registry.");
        Set<UUID> householdIds = ids(events, "householdId", "liudong.registry.");
        Set<UUID> moveIds = ids(events, "moveId", "liudong.migration.");
        Set<UUID> verificationIds = ids(events, "verificationId", "liudong.migration.");
        if (!personIds.isEmpty()) {
            persons.list("personId in ?1", personIds);
        }
        if (!householdIds.isEmpty()) {
            households.list("householdId in ?1", householdIds);
        }
        if (!moveIds.isEmpty()) {
            moves.list("moveId in ?1", moveIds);
        }
        if (!verificationIds.isEmpty()) {
            verifications.list("verificationId in ?1", verificationIds);
        }
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
