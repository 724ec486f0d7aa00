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

/** One person's move from an origin county to a destination county, with its residence registration. */
@Entity
@Table(name = "move")
public class Move {

    @Id
    public UUID id;

    /** The registry person; null for an unverified arrival of someone the registry events never named. */
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "id_index", nullable = false)
    public String idIndex;

    @Column(nullable = false)
    public String sex;

    @Column(name = "birth_year", nullable = false)
    public int birthYear;

    /** {@link PersonData} as JSON, AES-GCM encrypted. */
    @Column(name = "person_data", nullable = false)
    public byte[] personData;

    @Column(name = "origin_county", nullable = false)
    public String originCounty;

    @Column(name = "destination_county", nullable = false)
    public String destinationCounty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MoveReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MoveStatus status;

    @Column(name = "departed_on")
    public LocalDate departedOn;

    @Column(name = "arrived_on")
    public LocalDate arrivedOn;

    @Column(name = "returned_on")
    public LocalDate returnedOn;

    @Column(name = "destination_address")
    public String destinationAddress;

    @Column(name = "residence_valid_until")
    public LocalDate residenceValidUntil;

    @Column(name = "residence_expired", nullable = false)
    public boolean residenceExpired;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "dispute_note")
    public String disputeNote;

    /** The settled move this one continues, when a person moves on from a destination to a third county. */
    @Column(name = "previous_move_id")
    public UUID previousMoveId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    public boolean involves(String county) {
        return originCounty.equals(county) || destinationCounty.equals(county);
    }

    public void become(MoveStatus next) {
        status = status.to(next);
        updatedAt = OffsetDateTime.now();
    }
}
