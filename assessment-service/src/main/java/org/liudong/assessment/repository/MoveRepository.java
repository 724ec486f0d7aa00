package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.liudong.assessment.domain.MoveRecord;
import org.liudong.platform.persistence.Listing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class MoveRepository implements PanacheRepositoryBase<MoveRecord, UUID> {

    private static final String TOUCHES = "(originCounty = :county or destinationCounty = :county)";
    /** Under way at the end of the period: begun before it, not ended before it. */
    private static final String ACTIVE = "startedOn < :end and (endedOn is null or endedOn >= :end)";
    /** A date column as days since 1970-01-01, what {@link LocalDate#ofEpochDay} takes. */
    private static final String DAYS = "%s - date '1970-01-01'";

    /**
     * Every move with the county at either end that departed, arrived or began within [start, end): one read for
     * all of a county month's lists, which {@link MoveFacts} then tells apart.
     *
     * <p>Plain JDBC with dates as day numbers: a county month holds tens of thousands of moves, and turning their
     * five date columns into {@code LocalDate}s through the driver's calendar arithmetic took most of a read's CPU.
     */
    public List<MoveFacts> touchingWithin(String county, LocalDate start, LocalDate end) {
        List<MoveFacts> facts = new ArrayList<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select origin_county, destination_county,"
                    + " announced, " + DAYS.formatted("departed_on") + ", " + DAYS.formatted("departure_registered_on")
                    + ", " + DAYS.formatted("arrived_on") + ", " + DAYS.formatted("settled_on") + ", "
                    + DAYS.formatted("started_on") + ", reason, sex, birth_year, status"
                    + " from move, (select cast(? as text) as county, cast(? as date) as first, cast(? as date) as after) p"
                    + " where (origin_county = p.county or destination_county = p.county)"
                    + " and (departed_on >= p.first and departed_on < p.after or arrived_on >= p.first and arrived_on < p.after"
                    + " or started_on >= p.first and started_on < p.after)")) {
                select.setString(1, county);
                select.setObject(2, start);
                select.setObject(3, end);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        facts.add(new MoveFacts(rows.getString(1), rows.getString(2), rows.getBoolean(3), day(rows, 4),
                                day(rows, 5), day(rows, 6), day(rows, 7), day(rows, 8), rows.getString(9),
                                rows.getString(10), (Integer) rows.getObject(11), rows.getString(12)));
                    }
                }
            }
        });
        return facts;
    }

    private static LocalDate day(ResultSet rows, int column) throws SQLException {
        int days = rows.getInt(column);
        return rows.wasNull() ? null : LocalDate.ofEpochDay(days);
    }

    public long countActiveOut(String county, LocalDate end) {
        return Listing.count(getEntityManager(), MoveRecord.class, "originCounty = :county and " + ACTIVE,
                Map.of("county", county, "end", end));
    }

    public long countActiveIn(String county, LocalDate end) {
        return Listing.count(getEntityManager(), MoveRecord.class, "destinationCounty = :county and " + ACTIVE,
                Map.of("county", county, "end", end));
    }

    public long countLapsed(String county, LocalDate start, LocalDate end) {
        return Listing.count(getEntityManager(), MoveRecord.class, TOUCHES + " and lapsedOn >= :start and lapsedOn < :end",
                Map.of("county", county, "start", start, "end", end));
    }

    public long countDisputed(String county, LocalDate start, LocalDate end) {
        return Listing.count(getEntityManager(), MoveRecord.class, TOUCHES + " and disputedOn >= :start and disputedOn < :end",
                Map.of("county", county, "start", start, "end", end));
    }

    /** Persons with two moves under way at once, one of them touching the county. */
    public long countPersonsWithTwoActiveMoves(String county, LocalDate end) {
        return getEntityManager().createQuery("select count(distinct m.personId) from MoveRecord m where"
                        + " (m.originCounty = :county or m.destinationCounty = :county)"
                        + " and m.startedOn < :end and (m.endedOn is null or m.endedOn >= :end)"
                        + " and exists (select 1 from MoveRecord o where o.personId = m.personId and o.moveId <> m.moveId"
                        + " and o.startedOn < :end and (o.endedOn is null or o.endedOn >= :end))", Long.class)
                .setParameter("county", county).setParameter("end", end).getSingleResult();
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
