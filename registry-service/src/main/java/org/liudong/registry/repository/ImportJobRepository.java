package org.liudong.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.registry.domain.ImportJob;
import org.liudong.registry.domain.ImportRowError;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    public List<ImportRowError> errors(UUID jobId, int limit) {
        return getEntityManager()
                .createQuery("from ImportRowError e where e.jobId = :job order by e.rowNumber, e.id", ImportRowError.class)
                .setParameter("job", jobId)
                .setMaxResults(limit)
                .getResultList();
    }

    public void addErrors(List<ImportRowError> errors) {
        errors.forEach(getEntityManager()::persist);
    }

    public List<ImportJob> unfinished() {
        return list("status in ?1", Sort.by("createdAt"), List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING));
    }
}
