package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.Person;
import org.liudong.migration.messaging.PersonState;
import org.liudong.migration.repository.PersonRepository;
import org.liudong.platform.consumer.ProcessedEvents;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Keeps the local copy of the registry's persons; one registry event, one transaction. */
@ApplicationScoped
@Transactional
public class PersonProjection {

    private final PersonRepository persons;
    private final ProcessedEvents processedEvents;

    public PersonProjection(PersonRepository persons, ProcessedEvents processedEvents) {
        this.persons = persons;
        this.processedEvents = processedEvents;
    }

    /** @return false when the event had been applied before (a redelivery) */
    public boolean apply(UUID eventId, String eventType, PersonState state) {
        if (!processedEvents.firstDelivery(eventId, eventType)) {
            return false;
        }
        Person person = persons.findByIdOptional(state.personId()).orElse(null);
        if (person == null) {
            person = new Person();
            person.id = state.personId();
        } else if (person.lastEventAt.isAfter(state.occurredAt())) {
            return true; // a late, older event: the newer state stays
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
        return true;
    }
}
