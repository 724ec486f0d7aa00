package org.liudong.migration.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.liudong.migration.domain.Verification;

import java.util.UUID;

/** {@code POST /api/migration/verifications}: the subject is a move or a person. */
public record VerificationRequest(
        @NotNull @Pattern(regexp = "\\d{6}") String toCounty,
        UUID moveId,
        UUID personId,
        @NotNull Verification.Question question,
        boolean urgent) {
}
