package org.liudong.registry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liudong.registry.domain.Relation;

import java.util.List;
import java.util.UUID;

/** Splits members off into a new household of the same county (分户); one of them becomes its head. */
public record SplitRequest(
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Member> members,
        @Size(min = 1, max = 32) @Pattern(regexp = "[0-9A-Za-z-]+", message = "may hold letters, digits and - only")
        String householdNumber,
        @Valid AddressInput address) {

    public record Member(@NotNull UUID personId, @NotNull Relation relation) {
    }
}
