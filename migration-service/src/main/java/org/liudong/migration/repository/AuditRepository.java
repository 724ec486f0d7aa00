package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.migration.domain.AuditEntry;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public List<AuditEntry> ofSubject(UUID subject) {
        return list("moveId = ?1 or personId = ?1 order by id", subject);
    }
}
