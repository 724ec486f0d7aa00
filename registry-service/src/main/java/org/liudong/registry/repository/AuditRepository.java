package org.liudong.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.registry.domain.AuditEvent;

import java.util.UUID;

/** Append-only: the table's trigger refuses updates and deletes, so this repository only adds and reads. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, Long> {

    public PanacheQuery<AuditEvent> bySubject(UUID subjectId) {
        return find("subjectId", Sort.by("id"), subjectId);
    }
}
