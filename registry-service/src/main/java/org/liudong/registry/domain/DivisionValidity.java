package org.liudong.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A division code that stopped being valid: until when, why, and which code succeeded it. */
@Entity
@Table(name = "division_validity")
public class DivisionValidity {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @Column(name = "successor_code")
    public String successorCode;

    @Column(nullable = false)
    public String reason;
}
