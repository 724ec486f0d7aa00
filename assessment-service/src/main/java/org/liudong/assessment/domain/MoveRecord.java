package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A move between two counties as the migration events describe it, with the day of each step. */
@Entity
@Table(name = "move")
public class MoveRecord {

    @Id
    @Column(name = "move_id")
    public UUID moveId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "id_index")
    public String idIndex;

    @Column(name = "origin_county", nullable = false)
    public String originCounty;

    @Column(name = "destination_county", nullable = false)
    public String destinationCounty;

    public String reason;
    public String sex;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Column(nullable = false)
    public String status;

    /** True when the origin registered the departure (the move was announced to the destination). */
    @Column(nullable = false)
    public boolean announced;

    @Column(name = "departed_on")
    public LocalDate departedOn;

    @Column(name = "departure_registered_on")
    public LocalDate departureRegisteredOn;

    @Column(name = "arrived_on")
    public LocalDate arrivedOn;

    @Column(name = "settled_on")
    public LocalDate settledOn;

    @Column(name = "lapsed_on")
    public LocalDate lapsedOn;

    @Column(name = "rejected_on")
    public LocalDate rejectedOn;

    @Column(name = "revoked_on")
    public LocalDate revokedOn;

    @Column(name = "returned_on")
    public LocalDate returnedOn;

    /** The day the move began: the departure, or the arrival when no departure was announced. */
    @Column(name = "started_on")
    public LocalDate startedOn;

    /** The day the move stopped being active: returned, revoked, rejected or lapsed. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    /** The day it became disputed: rejected by the destination, or a verification about it answered DENIED. */
    @Column(name = "disputed_on")
    public LocalDate disputedOn;

    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    public void departed(LocalDate day) {
        departedOn = day;
        startedOn = day;
    }

    public void arrived(LocalDate day) {
        arrivedOn = day;
        if (departedOn == null) {
            startedOn = day;
        }
    }

    /** Marks the end of the move, keeping the earliest end if it ended before. */
    public void endOn(LocalDate day) {
        if (endedOn == null || day.isBefore(endedOn)) {
            endedOn = day;
        }
    }
}
