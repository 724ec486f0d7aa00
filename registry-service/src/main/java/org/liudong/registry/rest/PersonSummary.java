package org.liudong.registry.rest;

import org.liudong.platform.identity.Sex;
import org.liudong.registry.domain.PersonStatus;
import org.liudong.registry.domain.Relation;

import java.time.LocalDate;

/** A person in a list answer: the ID number masked. */
public record PersonSummary(String id, String idNumber, String name, Sex sex, LocalDate birthDate, String registryCounty,
                            String householdId, Relation relation, PersonStatus status) {
}
