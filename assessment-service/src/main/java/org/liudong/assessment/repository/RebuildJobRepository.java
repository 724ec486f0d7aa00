package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.RebuildJob;

import java.util.UUID;

@ApplicationScoped
public class RebuildJobRepository implements PanacheRepositoryBase<RebuildJob, UUID> {

    public boolean anyRunning() {
        return count("status", RebuildJob.Status.RUNNING.name()) > 0;
    }
}
