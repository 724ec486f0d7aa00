package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What the assessment needs of a registered person: counties, sex, birth year and the pseudonym. No names, no ID numbers. */
@Entity
@Table(name = "person")
public class PersonRecord {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(nullable = false)
    public String county;

    @Column(name = "household_id")
    public UUID householdId;

    public String relation;
    public String sex;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Column(name = "id_index")
    public String idIndex;

    @Column(nullable = false)
    public String status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** When the person stopped counting as registered (death, cancellation). */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(nullable = false)
    public int corrections;

    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    /** Complete: everything the register needs to serve the person is there. */
    public boolean complete() {
        return householdId != null && relation != null && sex != null && birthYear != null && idIndex != null;
    }
}
