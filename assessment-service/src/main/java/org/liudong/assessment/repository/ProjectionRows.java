package org.liudong.assessment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.liudong.assessment.domain.HouseholdRecord;
import org.liudong.assessment.domain.MoveRecord;
import org.liudong.assessment.domain.PersonRecord;
import org.liudong.assessment.domain.VerificationRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads and writes the projection's rows (persons, households, moves, verification requests) with plain JDBC on
 * the transaction's connection: a batch's rows are loaded with one {@code = any(array)} query per table and
 * written back with one {@code insert … select from unnest(arrays) on conflict do update} per table — one round
 * trip per table whatever the batch size, and no persistence context to flush. The entity classes serve as plain
 * rows here; the read side still queries them through Hibernate. Unqualified table names follow the
 * connection's {@code search_path}, so the same statements fill the live projection and a rebuild's copy.
 */
@ApplicationScoped
public class ProjectionRows {

    enum Type {
        UUID("uuid"), TEXT("text"), INT("int"), TIMESTAMPTZ("timestamptz"), DATE("date"), BOOLEAN("boolean");

        final String sql;

        Type(String sql) {
            this.sql = sql;
        }

        Object read(ResultSet rows, int column) throws SQLException {
            return switch (this) {
                case UUID -> rows.getObject(column, java.util.UUID.class);
                case TEXT -> rows.getString(column);
                case INT -> rows.getObject(column, Integer.class);
                case TIMESTAMPTZ -> {
                    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
                    yield value == null ? null : value.toInstant();
                }
                case DATE -> rows.getObject(column, LocalDate.class);
                case BOOLEAN -> rows.getObject(column, Boolean.class);
            };
        }
    }

    /** A column: its name, type, and how a row object holds it. */
    record Column<E>(String name, Type type, Function<E, Object> get, BiConsumer<E, Object> set) {
    }

    /** A projection table: the first column is the primary key. */
    public static final class Table<E> {
        final String name;
        final Supplier<E> create;
        final List<Column<E>> columns;
        final String select;
        final String upsert;

        Table(String name, Supplier<E> create, List<Column<E>> columns) {
            this.name = name;
            this.create = create;
            this.columns = columns;
            String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
            String key = columns.get(0).name();
            this.select = "select " + names + " from " + name + " where " + key + " = any(?::text[]::uuid[])";
            this.upsert = "insert into " + name + " (" + names + ") select "
                    + columns.stream().map(c -> c.name() + "::" + c.type().sql).collect(Collectors.joining(", "))
                    + " from unnest(" + columns.stream().map(c -> "?::text[]").collect(Collectors.joining(", "))
                    + ") as t(" + names + ") on conflict (" + key + ") do update set "
                    + columns.stream().skip(1).map(c -> c.name() + " = excluded." + c.name())
                    .collect(Collectors.joining(", "));
        }

        UUID id(E row) {
            return (UUID) columns.get(0).get().apply(row);
        }
    }

    public static final Table<PersonRecord> PERSONS = new Table<>("person", PersonRecord::new, List.of(
            new Column<>("person_id", Type.UUID, p -> p.personId, (p, v) -> p.personId = (UUID) v),
            new Column<>("county", Type.TEXT, p -> p.county, (p, v) -> p.county = (String) v),
            new Column<>("household_id", Type.UUID, p -> p.householdId, (p, v) -> p.householdId = (UUID) v),
            new Column<>("relation", Type.TEXT, p -> p.relation, (p, v) -> p.relation = (String) v),
            new Column<>("sex", Type.TEXT, p -> p.sex, (p, v) -> p.sex = (String) v),
            new Column<>("birth_year", Type.INT, p -> p.birthYear, (p, v) -> p.birthYear = (Integer) v),
            new Column<>("id_index", Type.TEXT, p -> p.idIndex, (p, v) -> p.idIndex = (String) v),
            new Column<>("status", Type.TEXT, p -> p.status, (p, v) -> p.status = (String) v),
            new Column<>("registered_at", Type.TIMESTAMPTZ, p -> p.registeredAt, (p, v) -> p.registeredAt = (Instant) v),
            new Column<>("ended_at", Type.TIMESTAMPTZ, p -> p.endedAt, (p, v) -> p.endedAt = (Instant) v),
            new Column<>("corrections", Type.INT, p -> p.corrections, (p, v) -> p.corrections = (Integer) v),
            new Column<>("last_event_at", Type.TIMESTAMPTZ, p -> p.lastEventAt, (p, v) -> p.lastEventAt = (Instant) v)));

    public static final Table<HouseholdRecord> HOUSEHOLDS = new Table<>("household", HouseholdRecord::new, List.of(
            new Column<>("household_id", Type.UUID, h -> h.householdId, (h, v) -> h.householdId = (UUID) v),
            new Column<>("county", Type.TEXT, h -> h.county, (h, v) -> h.county = (String) v),
            new Column<>("township", Type.TEXT, h -> h.township, (h, v) -> h.township = (String) v),
            new Column<>("registered_at", Type.TIMESTAMPTZ, h -> h.registeredAt, (h, v) -> h.registeredAt = (Instant) v),
            new Column<>("dissolved_at", Type.TIMESTAMPTZ, h -> h.dissolvedAt, (h, v) -> h.dissolvedAt = (Instant) v)));

    public static final Table<MoveRecord> MOVES = new Table<>("move", MoveRecord::new, List.of(
            new Column<>("move_id", Type.UUID, m -> m.moveId, (m, v) -> m.moveId = (UUID) v),
            new Column<>("person_id", Type.UUID, m -> m.personId, (m, v) -> m.personId = (UUID) v),
            new Column<>("id_index", Type.TEXT, m -> m.idIndex, (m, v) -> m.idIndex = (String) v),
            new Column<>("origin_county", Type.TEXT, m -> m.originCounty, (m, v) -> m.originCounty = (String) v),
            new Column<>("destination_county", Type.TEXT, m -> m.destinationCounty,
                    (m, v) -> m.destinationCounty = (String) v),
            new Column<>("reason", Type.TEXT, m -> m.reason, (m, v) -> m.reason = (String) v),
            new Column<>("sex", Type.TEXT, m -> m.sex, (m, v) -> m.sex = (String) v),
            new Column<>("birth_year", Type.INT, m -> m.birthYear, (m, v) -> m.birthYear = (Integer) v),
            new Column<>("status", Type.TEXT, m -> m.status, (m, v) -> m.status = (String) v),
            new Column<>("announced", Type.BOOLEAN, m -> m.announced, (m, v) -> m.announced = (Boolean) v),
            new Column<>("departed_on", Type.DATE, m -> m.departedOn, (m, v) -> m.departedOn = (LocalDate) v),
            new Column<>("departure_registered_on", Type.DATE, m -> m.departureRegisteredOn,
                    (m, v) -> m.departureRegisteredOn = (LocalDate) v),
            new Column<>("arrived_on", Type.DATE, m -> m.arrivedOn, (m, v) -> m.arrivedOn = (LocalDate) v),
            new Column<>("settled_on", Type.DATE, m -> m.settledOn, (m, v) -> m.settledOn = (LocalDate) v),
            new Column<>("lapsed_on", Type.DATE, m -> m.lapsedOn, (m, v) -> m.lapsedOn = (LocalDate) v),
            new Column<>("rejected_on", Type.DATE, m -> m.rejectedOn, (m, v) -> m.rejectedOn = (LocalDate) v),
            new Column<>("revoked_on", Type.DATE, m -> m.revokedOn, (m, v) -> m.revokedOn = (LocalDate) v),
            new Column<>("returned_on", Type.DATE, m -> m.returnedOn, (m, v) -> m.returnedOn = (LocalDate) v),
            new Column<>("started_on", Type.DATE, m -> m.startedOn, (m, v) -> m.startedOn = (LocalDate) v),
            new Column<>("ended_on", Type.DATE, m -> m.endedOn, (m, v) -> m.endedOn = (LocalDate) v),
            new Column<>("disputed_on", Type.DATE, m -> m.disputedOn, (m, v) -> m.disputedOn = (LocalDate) v),
            new Column<>("last_event_at", Type.TIMESTAMPTZ, m -> m.lastEventAt, (m, v) -> m.lastEventAt = (Instant) v)));

    public static final Table<VerificationRecord> VERIFICATIONS = new Table<>("verification", VerificationRecord::new,
            List.of(
                    new Column<>("verification_id", Type.UUID, r -> r.verificationId,
                            (r, v) -> r.verificationId = (UUID) v),
                    new Column<>("from_county", Type.TEXT, r -> r.fromCounty, (r, v) -> r.fromCounty = (String) v),
                    new Column<>("to_county", Type.TEXT, r -> r.toCounty, (r, v) -> r.toCounty = (String) v),
                    new Column<>("move_id", Type.UUID, r -> r.moveId, (r, v) -> r.moveId = (UUID) v),
                    new Column<>("urgent", Type.BOOLEAN, r -> r.urgent, (r, v) -> r.urgent = (Boolean) v),
                    new Column<>("requested_on", Type.DATE, r -> r.requestedOn, (r, v) -> r.requestedOn = (LocalDate) v),
                    new Column<>("due_on", Type.DATE, r -> r.dueOn, (r, v) -> r.dueOn = (LocalDate) v),
                    new Column<>("answered_on", Type.DATE, r -> r.answeredOn, (r, v) -> r.answeredOn = (LocalDate) v),
                    new Column<>("outcome", Type.TEXT, r -> r.outcome, (r, v) -> r.outcome = (String) v),
                    new Column<>("overdue_on", Type.DATE, r -> r.overdueOn, (r, v) -> r.overdueOn = (LocalDate) v)));

    private final EntityManager entityManager;

    public ProjectionRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The rows with these ids, by id; ids with no row are absent. */
    public <E> Map<UUID, E> load(Table<E> table, Collection<UUID> ids) {
        Map<UUID, E> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(table.select)) {
                select.setArray(1, connection.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        E row = table.create.get();
                        for (int i = 0; i < table.columns.size(); i++) {
                            Column<E> column = table.columns.get(i);
                            column.set().accept(row, column.type().read(rows, i + 1));
                        }
                        found.put(table.id(row), row);
                    }
                }
            }
        });
        return found;
    }

    /** Inserts the rows, or overwrites every column of those that exist, in one statement. */
    public <E> void upsert(Table<E> table, Collection<E> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // sorted by key, so that concurrent batches lock shared rows in the same order
        List<E> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> table.id(a).compareTo(table.id(b)));
        work(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(table.upsert)) {
                for (int i = 0; i < table.columns.size(); i++) {
                    Function<E, Object> get = table.columns.get(i).get();
                    Object[] values = new Object[sorted.size()];
                    for (int r = 0; r < values.length; r++) {
                        Object value = get.apply(sorted.get(r));
                        values[r] = value == null ? null : value.toString();
                    }
                    upsert.setArray(i + 1, connection.createArrayOf("text", values));
                }
                upsert.executeUpdate();
            }
        });
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void work(Work work) {
        entityManager.unwrap(Session.class).doWork(work::run);
    }
}
