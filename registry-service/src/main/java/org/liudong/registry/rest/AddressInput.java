package org.liudong.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record AddressInput(
        @NotBlank @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String township,
        @Size(max = 300) String detail) {
}
