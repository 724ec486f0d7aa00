package org.liudong.migration.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.liudong.migration.domain.Verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(UUID id, String fromCounty, String toCounty, UUID moveId, UUID personId,
                               String question, boolean urgent, LocalDate dueOn, String status, String outcome,
                               String note, String requestedBy, String answeredBy, OffsetDateTime answeredAt,
                               OffsetDateTime createdAt, int version) {

    public static VerificationView of(Verification v) {
        return new VerificationView(v.id, v.fromCounty, v.toCounty, v.moveId, v.personId, v.question.name(),
                v.urgent, v.dueOn, v.status.name(), v.outcome == null ? null : v.outcome.name(), v.note,
                v.requestedBy, v.answeredBy, v.answeredAt, v.createdAt, v.version);
    }
}
