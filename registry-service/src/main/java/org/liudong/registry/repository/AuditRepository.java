package org.liudong.registry.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.persistence.Listing;
import org.liudong.registry.domain.AuditEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** Append-only: the table's trigger refuses updates and deletes, so this repository only adds and reads. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, Long> {

    private static final String INSERT = "insert into audit_event (recorded_at, actor, actor_roles, jurisdiction, "
            + "action, subject_type, subject_id, county, outcome, detail, client_ip, request_id, purpose) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    public AuditRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds an entry in the caller's transaction with one plain insert: every read of personal data writes one, and
     * persisting it as an entity (identity key, session, flush) cost as much as the read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEvent e) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Object[] values = {e.recordedAt, e.actor, e.actorRoles, e.jurisdiction, e.action, e.subjectType,
                e.subjectId, e.county, e.outcome, e.detail, e.clientIp, e.requestId, e.purpose};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot write the audit entry", ex);
        }
    }

    public Listing<AuditEvent> bySubject(UUID subjectId) {
        return new Listing<>(getEntityManager(), AuditEvent.class, "subjectId = :subject", Map.of("subject", subjectId),
                "id");
    }
}
