package org.liudong.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.liudong.platform.identity.Sex;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A registered person. The ID number exists only encrypted; {@code idIndex} (its keyed HMAC) finds it and is
 * the pseudonym events carry.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    public UUID id;

    @Column(name = "id_number_encrypted", nullable = false)
    public byte[] idNumberEncrypted;

    @Column(name = "id_index", nullable = false, unique = true)
    public String idIndex;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    public String phone;

    @Column(name = "household_id")
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relation relation;

    @Column(name = "registry_county", nullable = false)
    public String registryCounty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PersonStatus status;

    @Column(name = "died_on")
    public LocalDate diedOn;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    public CancellationReason cancellationReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
