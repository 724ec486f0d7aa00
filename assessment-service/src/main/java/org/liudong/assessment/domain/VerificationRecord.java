package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A verification request (协查) from one county to another and how it was answered. */
@Entity
@Table(name = "verification")
public class VerificationRecord {

    @Id
    @Column(name = "verification_id")
    public UUID verificationId;

    @Column(name = "from_county", nullable = false)
    public String fromCounty;

    @Column(name = "to_county", nullable = false)
    public String toCounty;

    @Column(name = "move_id")
    public UUID moveId;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "requested_on", nullable = false)
    public LocalDate requestedOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "answered_on")
    public LocalDate answeredOn;

    public String outcome;

    @Column(name = "overdue_on")
    public LocalDate overdueOn;
}
