package org.liudong.migration.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liudong.migration.domain.MoveReason;

import java.time.LocalDate;

/** {@code POST /api/migration/arrivals}: who arrived, from where, since when, living where. */
public record ArrivalRequest(
        @NotBlank @Size(min = 15, max = 18) String idNumber,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "[MF]") String sex,
        @NotNull LocalDate birthDate,
        @NotNull @Pattern(regexp = "\\d{6}") String originCounty,
        @NotNull @Pattern(regexp = "\\d{6}") String destinationCounty,
        @NotNull LocalDate arrivedOn,
        @NotBlank @Size(max = 500) String address,
        MoveReason reason) {
}
