package org.liudong.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A bulk CSV import of one county's register, processed in the background. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String county;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "rows_total", nullable = false)
    public int rowsTotal;

    @Column(name = "rows_done", nullable = false)
    public int rowsDone;

    @Column(name = "rows_imported", nullable = false)
    public int rowsImported;

    @Column(name = "rows_skipped", nullable = false)
    public int rowsSkipped;

    @Column(name = "rows_failed", nullable = false)
    public int rowsFailed;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    public String failure;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
