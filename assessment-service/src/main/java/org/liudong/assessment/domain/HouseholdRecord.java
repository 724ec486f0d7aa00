package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "household")
public class HouseholdRecord {

    @Id
    @Column(name = "household_id")
    public UUID householdId;

    @Column(nullable = false)
    public String county;

    public String township;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "dissolved_at")
    public Instant dissolvedAt;
}
