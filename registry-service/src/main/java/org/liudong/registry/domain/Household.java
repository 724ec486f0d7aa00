package org.liudong.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A household (户): its number is unique within its registry county. */
@Entity
@Table(name = "household")
public class Household {

    @Id
    public UUID id;

    @Column(name = "household_number", nullable = false)
    public String householdNumber;

    @Column(nullable = false)
    public String county;

    @Column(nullable = false)
    public String township;

    @Column(name = "address_detail")
    public String addressDetail;

    @Column(name = "head_person_id")
    public UUID headPersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HouseholdStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
