package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.liudong.migration.domain.Verification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VerificationRepository implements PanacheRepositoryBase<Verification, UUID> {

    public Optional<Verification> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Verification> ofMove(UUID moveId) {
        return list("moveId = ?1 order by createdAt", moveId);
    }

    /** Open requests due before the date, locked; other instances skip them. */
    @SuppressWarnings("unchecked")
    public List<UUID> lockOpenDueBefore(LocalDate date, int limit) {
        return getEntityManager().createNativeQuery("""
                        select id from verification where status = 'OPEN' and due_on < ?1
                        order by due_on limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, date).setParameter(2, limit).getResultList();
    }

    /** Open, not yet reminded requests due on or before the date, locked; other instances skip them. */
    @SuppressWarnings("unchecked")
    public List<UUID> lockUnremindedDueBy(LocalDate date, int limit) {
        return getEntityManager().createNativeQuery("""
                        select id from verification where status = 'OPEN' and reminded_at is null
                        and due_on <= ?1 order by due_on limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, date).setParameter(2, limit).getResultList();
    }
}
