package org.liudong.migration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A read of a person's basic data through a move: who, with which jurisdiction, when, on which request. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    public String jurisdiction;

    @Column(nullable = false)
    public String action;

    @Column(name = "move_id")
    public UUID moveId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "client_address")
    public String clientAddress;

    /** {@link #SUCCESS} or {@link #DENIED}. */
    @Column(nullable = false)
    public String outcome;

    public static final String SUCCESS = "SUCCESS";
    public static final String DENIED = "DENIED";
}
