package org.liudong.registry.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.liudong.registry.domain.CancellationReason;

import java.time.LocalDate;

public record CancellationRequest(@NotNull CancellationReason reason, @NotNull @PastOrPresent LocalDate cancelledOn) {
}
