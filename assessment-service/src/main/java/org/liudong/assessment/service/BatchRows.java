package org.liudong.assessment.service;

import org.liudong.assessment.domain.HouseholdRecord;
import org.liudong.assessment.domain.MoveRecord;
import org.liudong.assessment.domain.PersonRecord;
import org.liudong.assessment.domain.VerificationRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The projection rows a batch of events touches, loaded with one query per table. An id that was looked up and
 * not found is known to be new, so the projections create its row without asking the database again; rows they
 * create are added here so later events of the same batch find them.
 */
public final class BatchRows {

    /** The rows of one table, by id. */
    public static final class Table<E> {
        private final Set<UUID> looked = new HashSet<>();
        private final Map<UUID, E> rows = new HashMap<>();

        void loaded(Collection<UUID> ids, Collection<E> found, Function<E, UUID> id) {
            looked.addAll(ids);
            found.forEach(row -> rows.put(id.apply(row), row));
        }

        /** The row, from the batch's rows when its id was looked up, otherwise from {@code fallback}. */
        public Optional<E> find(UUID id, Function<UUID, Optional<E>> fallback) {
            E row = rows.get(id);
            if (row != null) {
                return Optional.of(row);
            }
            if (looked.contains(id)) {
                return Optional.empty();
            }
            return fallback.apply(id);
        }

        /** Records a row created while applying the batch. */
        public void added(UUID id, E row) {
            looked.add(id);
            rows.put(id, row);
        }
    }

    public final Table<PersonRecord> persons = new Table<>();
    public final Table<HouseholdRecord> households = new Table<>();
    public final Table<MoveRecord> moves = new Table<>();
    public final Table<VerificationRecord> verifications = new Table<>();
}
