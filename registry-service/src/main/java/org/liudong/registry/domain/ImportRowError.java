package org.liudong.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Why one CSV row was not imported; {@code rowNumber} is the file's line number (the header is line 1). */
@Entity
@Table(name = "import_row_error")
public class ImportRowError {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Column(name = "row_number", nullable = false)
    public int rowNumber;

    public String field;

    @Column(nullable = false)
    public String reason;

    public static ImportRowError of(UUID jobId, int rowNumber, String field, String reason) {
        ImportRowError error = new ImportRowError();
        error.jobId = jobId;
        error.rowNumber = rowNumber;
        error.field = field;
        error.reason = reason;
        return error;
    }
}
