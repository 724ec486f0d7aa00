package org.liudong.assessment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.liudong.platform.events.CloudEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The batch form of the platform's {@code ProcessedEvents.firstDelivery}: records a whole batch of event ids in
 * one statement ({@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING}, two array parameters whatever the
 * batch size) and tells which of them are new. Same table, same transaction as the state change.
 */
@ApplicationScoped
public class ProcessedEventRepository {

    private static final String INSERT = "insert into processed_event (event_id, event_type)"
            + " select * from unnest(?::text[]::uuid[], ?::text[]) on conflict do nothing returning event_id";

    private final EntityManager entityManager;

    public ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return the ids seen for the first time; ids already processed are left out */
    public Set<UUID> firstDeliveries(List<CloudEvent> batch) {
        Map<String, String> events = new LinkedHashMap<>();
        batch.forEach(event -> events.putIfAbsent(event.uuid().toString(), event.type));
        Set<UUID> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setArray(1, connection.createArrayOf("text", events.keySet().toArray()));
                insert.setArray(2, connection.createArrayOf("text", events.values().toArray()));
                try (ResultSet ids = insert.executeQuery()) {
                    while (ids.next()) {
                        fresh.add(ids.getObject(1, UUID.class));
                    }
                }
            }
        });
        return fresh;
    }
}
