package org.liudong.registry.rest;

import org.liudong.platform.identity.Sex;
import org.liudong.registry.domain.PersonStatus;
import org.liudong.registry.domain.Relation;

import java.time.LocalDate;

/** A member as lists show it: the ID number masked. */
public record MemberView(String personId, Relation relation, String name, Sex sex, LocalDate birthDate,
                         String idNumber, PersonStatus status) {
}
