package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.HouseholdRecord;
import org.liudong.assessment.domain.Period;
import org.liudong.assessment.domain.PersonRecord;
import org.liudong.assessment.messaging.EventData;
import org.liudong.platform.events.EventTypes;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Keeps the person and household projection in step with {@code registry.events}. Runs in the caller's transaction. */
@ApplicationScoped
public class RegistryProjection {

    private static final Set<String> PERSON_EVENTS = Set.of("person-registered", "member-added", "member-moved",
            "head-changed", "person-corrected", "birth-registered", "death-registered", "person-cancelled");
    private static final Set<String> ENDED = Set.of("DECEASED", "CANCELLED");

    private final AssessmentConfig config;

    public RegistryProjection(AssessmentConfig config) {
        this.config = config;
    }

    public void apply(EventData event, Changes changes, BatchRows rows) {
        String name = EventTypes.eventName(event.type());
        Instant at = event.occurredAt();
        if (name.equals("household-registered")) {
            householdRegistered(event, at, changes, rows);
        } else if (name.equals("household-dissolved")) {
            householdDissolved(event, at, changes, rows);
        } else if (PERSON_EVENTS.contains(name)) {
            personChanged(name, event, at, changes, rows);
        }
        // Other registry events carry nothing the assessment counts; they are still marked processed.
    }

    private void householdRegistered(EventData event, Instant at, Changes changes, BatchRows rows) {
        UUID id = event.uuid("householdId");
        String county = event.county("county");
        HouseholdRecord household = rows.households.find(id)
                .orElseGet(HouseholdRecord::new);
        if (household.householdId == null) {
            household.householdId = id;
            household.registeredAt = at;
        }
        household.county = county;
        household.township = event.optionalText("township");
        rows.households.changed(id, household);
        changes.touched(household.county, Period.of(at, config.zone()));
    }

    private void householdDissolved(EventData event, Instant at, Changes changes, BatchRows rows) {
        UUID id = event.uuid("householdId");
        rows.households.find(id).ifPresent(household -> {
            household.dissolvedAt = at;
            rows.households.changed(id, household);
            changes.touched(household.county, Period.of(at, config.zone()));
        });
    }

    private void personChanged(String name, EventData event, Instant at, Changes changes, BatchRows rows) {
        UUID id = event.uuid("personId");
        String county = event.county("county");
        PersonRecord person = rows.persons.find(id).orElseGet(PersonRecord::new);
        if (person.personId == null) {
            person.personId = id;
            person.registeredAt = at;
            person.lastEventAt = at;
        } else if (!person.county.equals(county)) {
            changes.touched(person.county, Period.of(at, config.zone()));
        }
        person.county = county;
        person.householdId = orElse(event.optionalUuid("householdId"), person.householdId);
        person.relation = orElse(event.optionalText("relation"), person.relation);
        person.sex = orElse(event.optionalText("sex"), person.sex);
        person.birthYear = orElse(event.optionalInt("birthYear"), person.birthYear);
        person.idIndex = orElse(event.optionalText("idIndex"), person.idIndex);
        person.status = orElse(event.optionalText("status"), person.status == null ? "ACTIVE" : person.status);
        if (name.equals("death-registered")) {
            person.status = "DECEASED";
        } else if (name.equals("person-cancelled")) {
            person.status = "CANCELLED";
        }
        if (name.equals("person-corrected")) {
            person.corrections++;
        }
        if (ENDED.contains(person.status) && person.endedAt == null) {
            person.endedAt = at;
        }
        if (at.isAfter(person.lastEventAt)) {
            person.lastEventAt = at;
        }
        rows.persons.changed(id, person);
        changes.touched(county, Period.of(at, config.zone()));
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
