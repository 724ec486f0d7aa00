package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.migration.domain.MoveHistory;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MoveHistoryRepository implements PanacheRepositoryBase<MoveHistory, Long> {

    public List<MoveHistory> of(UUID moveId) {
        return list("moveId = ?1 order by id", moveId);
    }
}
