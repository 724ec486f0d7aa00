package org.liudong.assessment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.liudong.platform.events.CloudEvent;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The batch form of the platform's {@code ProcessedEvents.firstDelivery}: records a whole batch of event ids in
 * one statement ({@code INSERT … ON CONFLICT DO NOTHING}) and tells which of them are new. Same table, same
 * transaction as the state change.
 */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager entityManager;

    public ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the ids seen for the first time; ids already processed are left out */
    @SuppressWarnings("unchecked")
    public Set<UUID> firstDeliveries(List<CloudEvent> batch) {
        Map<UUID, String> events = new LinkedHashMap<>();
        batch.forEach(event -> events.putIfAbsent(event.uuid(), event.type));
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        StringBuilder sql = new StringBuilder("insert into processed_event (event_id, event_type) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
        }
        sql.append(" on conflict do nothing returning event_id");
        var query = entityManager.createNativeQuery(sql.toString());
        int parameter = 1;
        for (Map.Entry<UUID, String> event : events.entrySet()) {
            query.setParameter(parameter++, event.getKey());
            query.setParameter(parameter++, event.getValue());
        }
        Set<UUID> fresh = new HashSet<>();
        for (Object id : (List<Object>) query.getResultList()) {
            fresh.add((UUID) id);
        }
        return fresh;
    }
}
