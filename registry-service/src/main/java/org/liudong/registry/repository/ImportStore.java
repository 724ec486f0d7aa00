package org.liudong.registry.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.events.Topics;
import org.liudong.registry.domain.AuditEvent;
import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.HouseholdStatus;
import org.liudong.registry.domain.Person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The database side of a bulk import, in plain JDBC on the transaction's connection: one query for a batch's
 * household numbers (the persons already registered come from {@link PersonRepository#householdsByIdIndex}), then
 * {@code COPY} of the new
 * households, persons, outbox rows and audit entries, and the job's progress — all in the caller's transaction.
 * Hibernate would insert the identity-keyed outbox and audit rows one statement each and dirty-check every entity.
 */
@ApplicationScoped
public class ImportStore {

    /** A household the import joins: its id and whether it still takes members. */
    public record HouseholdRef(UUID id, boolean active) {
    }

    private final AgroalDataSource dataSource;

    public ImportStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The county's households with these numbers, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, HouseholdRef> lockHouseholds(String county, Collection<String> numbers) {
        Map<String, HouseholdRef> found = new HashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select household_number, id, status from household "
                     + "where county = ? and household_number = any(?) for update")) {
            query.setString(1, county);
            query.setArray(2, connection.createArrayOf("text", numbers.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new HouseholdRef(rows.getObject(2, UUID.class),
                            HouseholdStatus.ACTIVE.name().equals(rows.getString(3))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up household numbers", e);
        }
    }

    /** Writes what {@code rows} collected and adds the batch's counts to the job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Rows rows, UUID jobId, int done, int imported, int skipped, int failed, OffsetDateTime now) {
        try (Connection connection = dataSource.getConnection()) {
            // households before their persons (foreign key), outbox rows in the order they are to be published
            rows.households.copy(connection);
            rows.persons.copy(connection);
            rows.outbox.copy(connection);
            rows.audit.copy(connection);
            if (!rows.joined.isEmpty()) {
                try (PreparedStatement touch = connection.prepareStatement(
                        "update household set updated_at = ?, version = version + 1 where id = any(?)")) {
                    touch.setObject(1, now);
                    touch.setArray(2, connection.createArrayOf("uuid", rows.joined.toArray()));
                    touch.executeUpdate();
                }
            }
            rows.errors.copy(connection);
            try (PreparedStatement progress = connection.prepareStatement("update import_job set "
                    + "rows_done = rows_done + ?, rows_imported = rows_imported + ?, rows_skipped = rows_skipped + ?, "
                    + "rows_failed = rows_failed + ?, updated_at = ? where id = ?")) {
                progress.setInt(1, done);
                progress.setInt(2, imported);
                progress.setInt(3, skipped);
                progress.setInt(4, failed);
                progress.setObject(5, now);
                progress.setObject(6, jobId);
                progress.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the import batch: " + e.getMessage(), e);
        }
    }

    /** The rows of one import batch, collected before {@link #write}. */
    public static final class Rows {

        private final CopyRows households = new CopyRows("household", "id, household_number, county, township, "
                + "address_detail, head_person_id, status, version, created_at, updated_at");
        private final CopyRows persons = new CopyRows("person", "id, id_number_encrypted, id_index, name, sex, "
                + "birth_date, phone, household_id, relation, registry_county, status, died_on, version, created_at, "
                + "updated_at");
        private final CopyRows outbox = new CopyRows("outbox", "event_id, topic, record_key, payload, created_at");
        private final CopyRows audit = new CopyRows("audit_event", "recorded_at, actor, actor_roles, jurisdiction, "
                + "action, subject_type, subject_id, county, outcome, detail, client_ip, request_id, purpose");
        private final CopyRows errors = new CopyRows("import_row_error", "job_id, row_number, field, reason");
        private final List<UUID> joined = new ArrayList<>();

        public void household(Household h) {
            households.value(h.id).value(h.householdNumber).value(h.county).value(h.township).value(h.addressDetail)
                    .value(h.headPersonId).value(h.status).value(h.version).value(h.createdAt).value(h.updatedAt)
                    .endRow();
        }

        public void person(Person p) {
            persons.value(p.id).bytes(p.idNumberEncrypted).value(p.idIndex).value(p.name).value(p.sex)
                    .value(p.birthDate).value(p.phone).value(p.householdId).value(p.relation).value(p.registryCounty)
                    .value(p.status).value(p.diedOn).value(p.version).value(p.createdAt).value(p.updatedAt).endRow();
        }

        /** An event for {@link Topics#REGISTRY_EVENTS}, published after the rows added before it. */
        public void event(UUID eventId, String key, String payload, OffsetDateTime createdAt) {
            outbox.value(eventId).value(Topics.REGISTRY_EVENTS).value(key).value(payload).value(createdAt).endRow();
        }

        /** An audit entry like {@code template} for another subject and detail. */
        public void audit(AuditEvent template, UUID subjectId, String detail) {
            audit.value(template.recordedAt).value(template.actor).value(template.actorRoles)
                    .value(template.jurisdiction).value(template.action).value(template.subjectType).value(subjectId)
                    .value(template.county).value(template.outcome).value(detail).value(template.clientIp)
                    .value(template.requestId).value(template.purpose).endRow();
        }

        /** An existing household that gained members: its version moves on, as any change of it does. */
        public void joined(UUID householdId) {
            joined.add(householdId);
        }

        public void error(UUID jobId, int line, String field, String reason) {
            errors.value(jobId).value(line).value(field).value(reason).endRow();
        }
    }
}
