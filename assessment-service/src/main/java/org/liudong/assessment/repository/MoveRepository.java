package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.IndicatorArithmetic.AnnouncedMove;
import org.liudong.assessment.domain.IndicatorArithmetic.Departure;
import org.liudong.assessment.domain.MoveRecord;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MoveRepository implements PanacheRepositoryBase<MoveRecord, UUID> {

    private static final String TOUCHES = "(originCounty = :county or destinationCounty = :county)";
    /** Under way at the end of the period: begun before it, not ended before it. */
    private static final String ACTIVE = "startedOn < :end and (endedOn is null or endedOn >= :end)";
    /** Announced, and the person left within the period. */
    private static final String ANNOUNCED_WITHIN = "announced = true and departedOn >= :start and departedOn < :end";
    private static final String DEPARTED_FROM = "originCounty = :county and " + ANNOUNCED_WITHIN;
    private static final String ARRIVED_IN = "destinationCounty = :county and arrivedOn >= :start and arrivedOn < :end";
    private static final String STARTED_WITHIN = TOUCHES + " and startedOn >= :start and startedOn < :end";

    /**
     * The county month's move counts. An indicator read asks for them, the deadline groups and the tallies below,
     * not for the moves themselves: a county month holds tens of thousands, and fetching them was most of a read.
     */
    public record MoveCounts(long outflow, long inflow, long activeOut, long activeIn, long lapsed, long disputed) {
    }

    /** Moves alike in reason, sex, birth year and status. */
    public record Tally(String reason, String sex, Integer birthYear, String status, long count) {
    }

    /** {@link MoveCounts} in one pass over the county's moves. */
    public MoveCounts counts(String county, LocalDate start, LocalDate end) {
        Object[] row = getEntityManager().createQuery("select"
                        + " count(*) filter (where " + DEPARTED_FROM + "),"
                        + " count(*) filter (where " + ARRIVED_IN + "),"
                        + " count(*) filter (where originCounty = :county and " + ACTIVE + "),"
                        + " count(*) filter (where destinationCounty = :county and " + ACTIVE + "),"
                        + " count(*) filter (where lapsedOn >= :start and lapsedOn < :end),"
                        + " count(*) filter (where disputedOn >= :start and disputedOn < :end)"
                        + " from MoveRecord where " + TOUCHES, Object[].class)
                .setParameter("county", county).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
        return new MoveCounts((Long) row[0], (Long) row[1], (Long) row[2], (Long) row[3], (Long) row[4], (Long) row[5]);
    }

    /** The month's announced departures from the county, by the day they left and the day they were registered. */
    public List<Departure> departuresWithin(String county, LocalDate start, LocalDate end) {
        return grouped("departedOn, departureRegisteredOn", DEPARTED_FROM, county, start, end).stream()
                .map(row -> new Departure((LocalDate) row[0], (LocalDate) row[1], (Long) row[2])).toList();
    }

    /**
     * The month's announced departures to or from the county, by the day the person left and the day the move
     * settled.
     */
    public List<AnnouncedMove> announcedWithin(String county, LocalDate start, LocalDate end) {
        return grouped("departedOn, settledOn", TOUCHES + " and " + ANNOUNCED_WITHIN, county, start, end).stream()
                .map(row -> new AnnouncedMove((LocalDate) row[0], (LocalDate) row[1], (Long) row[2])).toList();
    }

    /** The month's announced departures from the county, tallied. */
    public List<Tally> departureTallies(String county, LocalDate start, LocalDate end) {
        return tallies(DEPARTED_FROM, county, start, end);
    }

    /** The month's arrivals in the county, tallied. */
    public List<Tally> arrivalTallies(String county, LocalDate start, LocalDate end) {
        return tallies(ARRIVED_IN, county, start, end);
    }

    /** The moves to or from the county that began within the month, tallied. */
    public List<Tally> startedTallies(String county, LocalDate start, LocalDate end) {
        return tallies(STARTED_WITHIN, county, start, end);
    }

    private List<Tally> tallies(String where, String county, LocalDate start, LocalDate end) {
        return grouped("reason, sex, birthYear, status", where, county, start, end).stream()
                .map(row -> new Tally((String) row[0], (String) row[1], (Integer) row[2], (String) row[3], (Long) row[4]))
                .toList();
    }

    /** Rows of the {@code columns} and how many moves share them. */
    private List<Object[]> grouped(String columns, String where, String county, LocalDate start, LocalDate end) {
        return getEntityManager().createQuery("select " + columns + ", count(*) from MoveRecord where " + where
                        + " group by " + columns, Object[].class)
                .setParameter("county", county).setParameter("start", start).setParameter("end", end).getResultList();
    }

    /**
     * Persons with two moves under way at once, one of them touching the county. Only persons in {@code repeat_mover}
     * can have two, so the second move is looked for only for them.
     */
    public long countPersonsWithTwoActiveMoves(String county, LocalDate end) {
        return ((Number) getEntityManager().createNativeQuery("select count(distinct m.person_id) from move m where"
                        + " (m.origin_county = :county or m.destination_county = :county)"
                        + " and m.started_on < :end and (m.ended_on is null or m.ended_on >= :end)"
                        + " and m.person_id in (select person_id from repeat_mover)"
                        + " and exists (select 1 from move o where o.person_id = m.person_id and o.move_id <> m.move_id"
                        + " and o.started_on < :end and (o.ended_on is null or o.ended_on >= :end))", Long.class)
                .setParameter("county", county).setParameter("end", end).getSingleResult()).longValue();
    }

    /**
     * Adds those of {@code persons} that have more than one move to {@code repeat_mover}, the candidates
     * {@link #countPersonsWithTwoActiveMoves} checks.
     */
    public void recordRepeatMovers(Collection<UUID> persons) {
        if (persons.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("insert into repeat_mover (person_id) select person_id from move"
                        + " where person_id = any(?1) group by person_id having count(*) > 1 on conflict do nothing")
                .setParameter(1, persons.toArray(UUID[]::new)).executeUpdate();
    }

    /** {@link #recordRepeatMovers} for every person at once, after a rebuild loaded its rows. */
    public void recordAllRepeatMovers() {
        getEntityManager().createNativeQuery("insert into repeat_mover (person_id) select person_id from move"
                + " where person_id is not null group by person_id having count(*) > 1 on conflict do nothing")
                .executeUpdate();
    }

    /**
     * Moves of the period by origin and destination, both cut to {@code level} digits (2 province,
     * 4 prefecture, 6 county), where either end lies in the jurisdiction: rows of [origin, destination, count].
     */
    public List<Object[]> flows(String jurisdiction, int level, LocalDate start, LocalDate end) {
        return getEntityManager().createQuery("select substring(m.originCounty, 1, :level),"
                        + " substring(m.destinationCounty, 1, :level), count(m) from MoveRecord m"
                        + " where (m.originCounty like :prefix or m.destinationCounty like :prefix)"
                        + " and m.startedOn >= :start and m.startedOn < :end and m.status not in ('REVOKED', 'REJECTED')"
                        + " group by 1, 2 order by 3 desc, 1, 2", Object[].class)
                .setParameter("level", level).setParameter("prefix", jurisdiction + "%")
                .setParameter("start", start).setParameter("end", end).getResultList();
    }

    public List<String> countiesUnder(String prefix) {
        List<String> origins = getEntityManager().createQuery(
                "select distinct m.originCounty from MoveRecord m where m.originCounty like :prefix", String.class)
                .setParameter("prefix", prefix + "%").getResultList();
        List<String> destinations = getEntityManager().createQuery(
                "select distinct m.destinationCounty from MoveRecord m where m.destinationCounty like :prefix", String.class)
                .setParameter("prefix", prefix + "%").getResultList();
        return java.util.stream.Stream.concat(origins.stream(), destinations.stream()).distinct().toList();
    }
}
