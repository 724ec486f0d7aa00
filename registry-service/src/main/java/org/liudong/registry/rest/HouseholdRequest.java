package org.liudong.registry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Household create; {@code householdNumber} is generated when absent. */
public record HouseholdRequest(
        @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit county code") String county,
        @Size(min = 1, max = 32) @Pattern(regexp = "[0-9A-Za-z-]+", message = "may hold letters, digits and - only")
        String householdNumber,
        @NotNull @Valid AddressInput address,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid PersonInput> members) {
}
