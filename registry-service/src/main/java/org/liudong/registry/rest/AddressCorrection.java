package org.liudong.registry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Corrects a household's address (township and detail). */
public record AddressCorrection(@NotNull @Valid AddressInput address) {
}
