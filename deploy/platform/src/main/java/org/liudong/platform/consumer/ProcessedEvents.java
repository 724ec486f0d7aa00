package org.liudong.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Makes a consumer idempotent: the event id goes into {@code processed_event} in the same transaction as the
 * state change, so a redelivered event is recognised and skipped. Each consuming service creates the table:
 * <pre>
 * create table processed_event (event_id uuid primary key, event_type text not null,
 *                               processed_at timestamptz not null default now());
 * </pre>
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time an event id is seen, false for a duplicate */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String eventType) {
        return entityManager.createNativeQuery(
                        "insert into processed_event (event_id, event_type) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .executeUpdate() == 1;
    }
}
