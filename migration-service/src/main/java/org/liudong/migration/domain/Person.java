package org.liudong.migration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A registry person as this service sees it through {@code registry.events}: ids, county, pseudonym, sex,
 * birth year and status. Never a name or an ID number; those are fetched from the registry when a move needs
 * them.
 */
@Entity
@Table(name = "person")
public class Person {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String county;

    @Column(name = "id_index", nullable = false)
    public String idIndex;

    @Column(nullable = false)
    public String sex;

    @Column(name = "birth_year", nullable = false)
    public int birthYear;

    @Column(nullable = false)
    public String status;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "last_event_type", nullable = false)
    public String lastEventType;

    /** When the registry says the last applied change happened: older events arriving late are not applied. */
    @Column(name = "last_event_at", nullable = false)
    public OffsetDateTime lastEventAt;

    /** How many registry events changed this row: a redelivered event must not count twice. */
    @Column(name = "applied_events", nullable = false)
    public int appliedEvents;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
