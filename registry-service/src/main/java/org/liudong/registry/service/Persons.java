package org.liudong.registry.service;

import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.Person;
import org.liudong.registry.domain.PersonStatus;
import org.liudong.registry.rest.PersonInput;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A new, active person of a household; the caller stores the ID number. */
final class Persons {

    private Persons() {
    }

    static Person create(PersonInput input, Household household, OffsetDateTime now) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.name = input.name().strip();
        person.sex = input.sex();
        person.birthDate = input.birthDate();
        person.phone = input.phone() == null || input.phone().isBlank() ? null : input.phone().strip();
        person.householdId = household.id;
        person.relation = input.relation();
        person.registryCounty = household.county;
        person.status = PersonStatus.ACTIVE;
        person.createdAt = now;
        person.updatedAt = now;
        return person;
    }
}
