package org.liudong.migration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A verification request (协查) from one county to another about a move or a person. */
@Entity
@Table(name = "verification")
public class Verification {

    public enum Question { CONFIRM_DEPARTURE, CONFIRM_IDENTITY, CONFIRM_ADDRESS }

    public enum Status { OPEN, ANSWERED, OVERDUE }

    public enum Outcome { CONFIRMED, DENIED, UNKNOWN }

    @Id
    public UUID id;

    @Column(name = "from_county", nullable = false)
    public String fromCounty;

    @Column(name = "to_county", nullable = false)
    public String toCounty;

    @Column(name = "move_id")
    public UUID moveId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "id_index")
    public String idIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Question question;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String note;

    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    @Column(nullable = false)
    public int version;

    public boolean isAnswerable() {
        return status == Status.OPEN || status == Status.OVERDUE;
    }
}
