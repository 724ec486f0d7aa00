package org.liudong.assessment.service;

import org.liudong.assessment.domain.HouseholdRecord;
import org.liudong.assessment.domain.MoveRecord;
import org.liudong.assessment.domain.PersonRecord;
import org.liudong.assessment.domain.VerificationRecord;
import org.liudong.assessment.repository.ProjectionRows;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The projection rows a batch of events touches, loaded with one query per table. An id that was looked up and
 * not found is known to be new, so the projections create its row without asking the database again. Rows the
 * projections create or change are marked, and written back together when the batch has been applied.
 */
public final class BatchRows {

    /** The rows of one table, by id. */
    public static final class Table<E> {
        private final ProjectionRows store;
        private final ProjectionRows.Table<E> table;
        private final Set<UUID> looked = new HashSet<>();
        private final Map<UUID, E> rows = new HashMap<>();
        private final Map<UUID, E> changed = new LinkedHashMap<>();

        Table(ProjectionRows store, ProjectionRows.Table<E> table) {
            this.store = store;
            this.table = table;
        }

        /** Loads the rows with these ids; ids not found are known to be new from now on. */
        void load(Collection<UUID> ids) {
            rows.putAll(store.load(table, ids));
            looked.addAll(ids);
        }

        /** The row, from the batch's rows when its id was looked up, otherwise from the database. */
        public Optional<E> find(UUID id) {
            if (!looked.contains(id)) {
                load(List.of(id));
            }
            return Optional.ofNullable(rows.get(id));
        }

        /** Marks a row created or changed while applying the batch, to be written with the others. */
        public void changed(UUID id, E row) {
            looked.add(id);
            rows.put(id, row);
            changed.put(id, row);
        }

        void write() {
            store.upsert(table, changed.values());
            changed.clear();
        }

        /** A field of the rows created or changed since the last write, where it is set. */
        <V> Set<V> changedValues(Function<E, V> field) {
            Set<V> values = new HashSet<>();
            for (E row : changed.values()) {
                V value = field.apply(row);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
    }

    public final Table<PersonRecord> persons;
    public final Table<HouseholdRecord> households;
    public final Table<MoveRecord> moves;
    public final Table<VerificationRecord> verifications;

    BatchRows(ProjectionRows store) {
        persons = new Table<>(store, ProjectionRows.PERSONS);
        households = new Table<>(store, ProjectionRows.HOUSEHOLDS);
        moves = new Table<>(store, ProjectionRows.MOVES);
        verifications = new Table<>(store, ProjectionRows.VERIFICATIONS);
    }

    /** The pseudonyms of the persons created or changed since the last write. */
    Set<String> changedPseudonyms() {
        return persons.changedValues(person -> person.idIndex);
    }

    /** The persons of the moves created or changed since the last write. */
    Set<UUID> changedMovers() {
        return moves.changedValues(move -> move.personId);
    }

    /** Writes every row created or changed, one statement per table. */
    void write() {
        persons.write();
        households.write();
        moves.write();
        verifications.write();
    }
}
