package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A rebuild of the projection from the start of the topics, with its progress. */
@Entity
@Table(name = "rebuild_job", schema = "public")
public class RebuildJob {

    public enum Status { RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Records in the topics when the rebuild started. */
    @Column(nullable = false)
    public long total;

    @Column(nullable = false)
    public long consumed;

    public String error;
}
