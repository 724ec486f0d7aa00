package org.liudong.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record RetirementRequest(
        @NotNull LocalDate validTo,
        @Pattern(regexp = "[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}", message = "must be a division code") String successorCode,
        @NotBlank @Size(max = 300) String reason) {
}
