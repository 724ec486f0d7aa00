package org.liudong.registry.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.liudong.platform.outbox.OutboxEntry;
import org.liudong.registry.domain.AuditEvent;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Outbox rows and audit entries of a bulk import, written as JDBC statement batches on the transaction's own
 * connection. Both tables have identity keys, which Hibernate inserts one statement per row; a batch of 500
 * imported persons writes about 1,500 such rows. With {@code reWriteBatchedInserts} the driver sends them as
 * multi-row inserts.
 */
@ApplicationScoped
public class BulkInserts {

    private static final String OUTBOX = "insert into outbox (event_id, topic, record_key, payload, created_at) "
            + "values (?, ?, ?, ?, ?)";
    private static final String AUDIT = "insert into audit_event (recorded_at, actor, actor_roles, jurisdiction, action, "
            + "subject_type, subject_id, county, outcome, detail, client_ip, request_id, purpose) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager entityManager;

    public BulkInserts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Appends to the outbox in list order (the relay publishes in insertion order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outbox(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(OUTBOX)) {
                for (OutboxEntry entry : entries) {
                    insert.setObject(1, entry.eventId);
                    insert.setString(2, entry.topic);
                    insert.setString(3, entry.recordKey);
                    insert.setString(4, entry.payload);
                    insert.setObject(5, entry.createdAt);
                    insert.addBatch();
                }
                execute(insert, entries.size());
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void audit(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(AUDIT)) {
                for (AuditEvent event : events) {
                    insert.setObject(1, event.recordedAt);
                    insert.setString(2, event.actor);
                    insert.setString(3, event.actorRoles);
                    insert.setString(4, event.jurisdiction);
                    insert.setString(5, event.action);
                    insert.setString(6, event.subjectType);
                    insert.setObject(7, event.subjectId);
                    insert.setString(8, event.county);
                    insert.setString(9, event.outcome);
                    insert.setString(10, event.detail);
                    insert.setString(11, event.clientIp);
                    insert.setString(12, event.requestId);
                    insert.setString(13, event.purpose);
                    insert.addBatch();
                }
                execute(insert, events.size());
            }
        });
    }

    /** A failed row fails the whole batch with a {@link java.sql.BatchUpdateException}. */
    private static void execute(PreparedStatement insert, int rows) throws SQLException {
        int[] counts = insert.executeBatch();
        if (counts.length == 0 && rows > 0) {
            throw new SQLException("the batch of " + rows + " rows was not executed");
        }
    }
}
