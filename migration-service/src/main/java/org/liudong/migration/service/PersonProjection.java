package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.Person;
import org.liudong.migration.messaging.PersonState;
import org.liudong.migration.messaging.RegistryEvents;
import org.liudong.migration.repository.PersonRepository;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.consumer.ProcessedEvents;
import org.liudong.platform.events.CloudEvent;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Keeps the local copy of the registry's persons; a batch of registry events, one transaction. */
@ApplicationScoped
public class PersonProjection {

    private final PersonRepository persons;
    private final ProcessedEvents processedEvents;

    public PersonProjection(PersonRepository persons, ProcessedEvents processedEvents) {
        this.persons = persons;
        this.processedEvents = processedEvents;
    }

    /**
     * Applies the person-level events among {@code events} in their order; household-level and unknown types change
     * no person. An event applied before (a redelivery) is skipped.
     *
     * @throws PoisonEventException naming the event whose person data is missing or malformed
     */
    @Transactional
    public void apply(List<CloudEvent> events) {
        List<CloudEvent> personEvents = events.stream().filter(e -> RegistryEvents.PERSON_LEVEL.contains(e.type)).toList();
        Map<UUID, PersonState> states = new HashMap<>();
        for (CloudEvent event : personEvents) {
            try {
                states.put(event.uuid(), PersonState.of(event.data));
            } catch (PoisonEventException e) {
                throw new PoisonEventException(event.type + " " + event.id + ": " + e.getMessage());
            }
        }
        Set<UUID> fresh = processedEvents.firstDeliveries(personEvents);
        Map<UUID, Person> known = persons.knownAmong(states.values().stream().map(PersonState::personId).toList());
        for (CloudEvent event : personEvents) {
            if (fresh.remove(event.uuid())) {
                apply(event.type, states.get(event.uuid()), known);
            }
        }
    }

    private void apply(String eventType, PersonState state, Map<UUID, Person> known) {
        Person person = known.get(state.personId());
        if (person == null) {
            person = new Person();
            person.id = state.personId();
            known.put(person.id, person);
        } else if (person.lastEventAt.isAfter(state.occurredAt())) {
            return; // a late, older event: the newer state stays
        }
        person.county = state.county();
        person.idIndex = state.idIndex();
        person.sex = state.sex();
        person.birthYear = state.birthYear();
        person.status = state.status();
        person.householdId = state.householdId();
        person.lastEventType = eventType;
        person.lastEventAt = state.occurredAt();
        person.appliedEvents++;
        person.updatedAt = OffsetDateTime.now();
        persons.persist(person);
    }
}
