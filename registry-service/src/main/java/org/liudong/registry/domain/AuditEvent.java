package org.liudong.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One read or change of personal data (after FHIR AuditEvent: agent, action, entity, outcome, source). */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public enum Action { READ, SEARCH, CREATE, UPDATE, BIRTH, DEATH, CANCEL, MOVE, IMPORT }

    public enum Outcome { SUCCESS, DENIED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    public String jurisdiction;

    @Column(nullable = false)
    public String action;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    public String county;

    @Column(nullable = false)
    public String outcome;

    public String detail;

    @Column(name = "client_ip")
    public String clientIp;

    @Column(name = "request_id")
    public String requestId;

    public String purpose;
}
