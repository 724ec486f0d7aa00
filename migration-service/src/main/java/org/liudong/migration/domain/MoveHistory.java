package org.liudong.migration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One step in a move's life: who did what, for which county, when. */
@Entity
@Table(name = "move_history")
public class MoveHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "move_id", nullable = false)
    public UUID moveId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String action;

    /** The county acting, or null for the service's own scheduled steps (lapsing, expiry). */
    public String county;

    @Column(nullable = false)
    public String actor;

    public String detail;
}
