package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.migration.domain.MoveHistory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class MoveHistoryRepository implements PanacheRepositoryBase<MoveHistory, Long> {

    public List<MoveHistory> of(UUID moveId) {
        return list("moveId = ?1 order by id", moveId);
    }

    /** The history of each of these moves, oldest line first; a move without lines is absent. */
    public Map<UUID, List<MoveHistory>> of(Collection<UUID> moveIds) {
        if (moveIds.isEmpty()) {
            return Map.of();
        }
        return list("moveId in ?1 order by id", moveIds).stream()
                .collect(Collectors.groupingBy(line -> line.moveId));
    }
}
