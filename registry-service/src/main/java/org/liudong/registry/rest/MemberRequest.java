package org.liudong.registry.rest;

import jakarta.validation.constraints.NotNull;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.domain.Relation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member for a household: either a registered person of the county ({@code personId}: added, or moved from
 * their current household), or a new person (the person fields, as in household create).
 */
public record MemberRequest(UUID personId, @NotNull Relation relation, String idNumber, String name, Sex sex,
                            LocalDate birthDate, String phone) {

    public boolean isNewPerson() {
        return personId == null;
    }

    public PersonInput person() {
        return new PersonInput(idNumber, name, sex, birthDate, phone, relation);
    }
}
