package org.liudong.migration.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liudong.migration.domain.MoveReason;

import java.time.LocalDate;
import java.util.UUID;

/** {@code POST /api/migration/departures}: the person by {@code personId} or {@code idNumber}. */
public record DepartureRequest(
        UUID personId,
        @Size(min = 15, max = 18) String idNumber,
        @NotNull @Pattern(regexp = "\\d{6}") String originCounty,
        @NotNull @Pattern(regexp = "\\d{6}") String destinationCounty,
        @NotNull LocalDate departedOn,
        @NotNull MoveReason reason,
        @Size(max = 500) String destinationAddress) {
}
