package org.liudong.registry.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;

public record DeathRequest(@NotNull @PastOrPresent LocalDate diedOn) {
}
