package org.liudong.registry.rest;

import java.time.OffsetDateTime;
import java.util.List;

/** A bulk import's progress; {@code errors} lists the first rejected rows (line numbers count the header as 1). */
public record ImportJobView(String id, String county, String status, int rowsTotal, int rowsDone, int rowsImported,
                            int rowsSkipped, int rowsFailed, String failure, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt, List<RowError> errors) {

    public record RowError(int row, String field, String reason) {
    }
}
