package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.MoveStatus;
import org.liudong.platform.persistence.Listing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MoveRepository implements PanacheRepositoryBase<Move, UUID> {

    public enum Direction { IN, OUT }

    /** Loads a move for a state change: concurrent changes of one move wait for each other. */
    public Optional<Move> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Makes the transaction wait until no other transaction that started a move of this person is still open:
     * checking that the person has no open move and opening one then happen as one step, also when requests for
     * the same person arrive at once (a double click) or at different instances. A PostgreSQL advisory lock keyed
     * by the blind index, released at commit or rollback.
     */
    public void lockPerson(String idIndex) {
        // the index is hex of an HMAC: its first 64 bits name the person well enough for a lock
        long key = Long.parseUnsignedLong(idIndex.substring(0, 16), 16);
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) as locked")
                .setParameter(1, key)
                .getSingleResult();
    }

    public Optional<Move> findAnnouncedTo(String idIndex, String destinationCounty) {
        return find("idIndex = ?1 and destinationCounty = ?2 and status = ?3 order by createdAt",
                idIndex, destinationCounty, MoveStatus.ANNOUNCED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Move> findOpenFor(String idIndex) {
        // The statuses of MoveStatus.OPEN, one parameter each: Hibernate translates a query with a collection
        // parameter anew on every call, which cost more CPU than the rest of a departure.
        return find("idIndex = ?1 and status in (?2, ?3, ?4)", idIndex,
                MoveStatus.ANNOUNCED, MoveStatus.UNVERIFIED, MoveStatus.DISPUTED).firstResultOptional();
    }

    public boolean livesIn(String idIndex, String destinationCounty) {
        return Listing.count(getEntityManager(), Move.class, "idIndex = :idIndex and destinationCounty = :county"
                + " and status = :status", Map.of("idIndex", idIndex, "county", destinationCounty,
                "status", MoveStatus.SETTLED)) > 0;
    }

    /** The settled move that brought the person to the county, when someone moves on from there. */
    public Optional<Move> findSettledIn(UUID personId, String county) {
        return find("personId = ?1 and destinationCounty = ?2 and status = ?3 order by arrivedOn desc",
                personId, county, MoveStatus.SETTLED).firstResultOptional();
    }

    public boolean anyLinking(UUID personId, String idIndex, String county) {
        return Listing.count(getEntityManager(), Move.class, "(personId = :personId or idIndex = :idIndex)"
                + " and (originCounty = :county or destinationCounty = :county)",
                Map.of("personId", personId, "idIndex", idIndex, "county", county)) > 0;
    }

    public Listing<Move> search(String county, Direction direction, MoveStatus status, LocalDate from,
                                LocalDate to) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(Map.of("county", county));
        if (direction == Direction.IN) {
            where.add("destinationCounty = :county");
        } else if (direction == Direction.OUT) {
            where.add("originCounty = :county");
        } else {
            where.add("(originCounty = :county or destinationCounty = :county)");
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (from != null) {
            where.add("registeredOn >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("registeredOn <= :to");
            params.put("to", to);
        }
        return new Listing<>(getEntityManager(), Move.class, String.join(" and ", where), params, "createdAt desc, id");
    }

    /** Announced moves whose departure is older than the cutoff, locked; other instances skip them. */
    @SuppressWarnings("unchecked")
    public List<UUID> lockAnnouncedDepartedBefore(LocalDate cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                        select id from move where status = 'ANNOUNCED' and departed_on < ?1
                        order by departed_on limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, cutoff).setParameter(2, limit).getResultList();
    }

    /** Settled moves whose residence registration ran out before the date, locked; other instances skip them. */
    @SuppressWarnings("unchecked")
    public List<UUID> lockResidencesExpiredBefore(LocalDate date, int limit) {
        return getEntityManager().createNativeQuery("""
                        select id from move where status = 'SETTLED' and not residence_expired
                        and residence_valid_until < ?1 order by residence_valid_until limit ?2
                        for update skip locked""", UUID.class)
                .setParameter(1, date).setParameter(2, limit).getResultList();
    }
}
