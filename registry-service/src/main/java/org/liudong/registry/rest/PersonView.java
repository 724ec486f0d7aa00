package org.liudong.registry.rest;

import org.liudong.platform.identity.Sex;
import org.liudong.registry.domain.CancellationReason;
import org.liudong.registry.domain.PersonStatus;
import org.liudong.registry.domain.Relation;

import java.time.LocalDate;

/** A single-record read: the full ID number, for callers allowed to read this county's register. */
public record PersonView(String id, String idNumber, String name, Sex sex, LocalDate birthDate, String phone,
                         String registryCounty, String householdId, Relation relation, PersonStatus status,
                         LocalDate diedOn, LocalDate cancelledOn, CancellationReason cancellationReason,
                         long version) {
}
