package org.liudong.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.domain.Relation;

import java.time.LocalDate;
import java.util.UUID;

/** The DESIGN person-create payload: a person's fields and {@code householdId} side by side. */
public record PersonCreateBody(
        @NotNull UUID householdId,
        @NotBlank @Size(max = 18) String idNumber,
        @NotBlank @Size(max = 100) String name,
        @NotNull Sex sex,
        @NotNull @PastOrPresent LocalDate birthDate,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "may hold digits, spaces, + and - only") String phone,
        @NotNull Relation relation) {

    public PersonInput person() {
        return new PersonInput(idNumber, name, sex, birthDate, phone, relation);
    }
}
