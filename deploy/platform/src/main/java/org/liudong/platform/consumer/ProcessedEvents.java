package org.liudong.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
 * Makes a consumer idempotent: the event ids go into {@code processed_event} in the same transaction as the
 * state change, so a redelivered event is recognised and skipped. Each consuming service creates the table:
 * <pre>
 * create table processed_event (event_id uuid primary key, event_type text not null,
 *                               processed_at timestamptz not null default now());
 * </pre>
 */
@ApplicationScoped
public class ProcessedEvents {

    /** Two array parameters whatever the batch size. */
    private static final String INSERT = "insert into processed_event (event_id, event_type)"
            + " select * from unnest(?::text[]::uuid[], ?::text[]) on conflict do nothing returning event_id";

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records a batch of events in one statement.
     *
     * @return the ids seen for the first time; ids already processed are left out
     */
    @Transactional(Transactional.TxType.MANDATORY)
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
