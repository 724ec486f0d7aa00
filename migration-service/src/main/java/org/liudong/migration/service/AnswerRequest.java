package org.liudong.migration.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liudong.migration.domain.Verification;

/** {@code POST /api/migration/verifications/{id}/answer}. */
public record AnswerRequest(@NotNull Verification.Outcome outcome, @Size(max = 2000) String note) {
}
