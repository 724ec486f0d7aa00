package org.liudong.registry.rest;

import java.time.OffsetDateTime;

/** One entry of the audit trail of a record. */
public record AuditView(long id, OffsetDateTime recordedAt, String actor, String actorRoles, String jurisdiction,
                        String action, String subjectType, String subjectId, String county, String outcome,
                        String detail, String clientIp, String requestId, String purpose) {
}
