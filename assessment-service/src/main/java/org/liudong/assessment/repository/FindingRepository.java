package org.liudong.assessment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.liudong.assessment.domain.Finding;
import org.liudong.assessment.domain.Finding.Kind;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A county's data-quality findings as they stand today, found in the projection with the same rules the indicators
 * count by (record quality, suspected duplicates): one statement per kind, each giving {@code kind, person_id,
 * detail}, united for a page in a stable order.
 */
@ApplicationScoped
public class FindingRepository {

    private static final String RESIDENT = "p.county = :county and p.ended_at is null";
    /** A move under way today: begun, and not ended. */
    private static final String UNDER_WAY =
            "%1$s.started_on <= :today and (%1$s.ended_on is null or %1$s.ended_on > :today)";

    private static final Map<Kind, String> STATEMENTS = Map.of(
            Kind.INCOMPLETE_RECORD, "select 'INCOMPLETE_RECORD' as kind, p.person_id, 'missing ' || concat_ws(', ',"
                    + " case when p.household_id is null then 'household' end,"
                    + " case when p.relation is null then 'relation' end,"
                    + " case when p.sex is null or p.sex not in ('M', 'F') then 'sex' end,"
                    + " case when p.id_index is null then 'ID number' end) as detail"
                    + " from person p where " + RESIDENT + " and (p.household_id is null or p.relation is null"
                    + " or p.sex is null or p.sex not in ('M', 'F') or p.id_index is null)",
            Kind.IMPLAUSIBLE_BIRTH_YEAR, "select 'IMPLAUSIBLE_BIRTH_YEAR', p.person_id,"
                    + " coalesce('birth year ' || p.birth_year, 'no birth year')"
                    + " from person p where " + RESIDENT + " and (p.birth_year is null"
                    + " or p.birth_year not between 1900 and :year)",
            // only pseudonyms in shared_pseudonym can have a twin: the others are not looked up
            Kind.REGISTERED_IN_ANOTHER_COUNTY, "select 'REGISTERED_IN_ANOTHER_COUNTY', p.person_id,"
                    + " 'also registered in ' || string_agg(distinct o.county, ', ')"
                    + " from person p join person o on o.id_index = p.id_index and o.county <> p.county"
                    + " and o.ended_at is null where " + RESIDENT
                    + " and p.id_index in (select id_index from shared_pseudonym) group by p.person_id",
            // likewise only persons in repeat_mover can have two moves
            Kind.TWO_MOVES_UNDER_WAY, "select 'TWO_MOVES_UNDER_WAY', o.person_id,"
                    + " 'moves ' || string_agg(o.move_id::text, ', ' order by o.move_id)"
                    + " from move o where " + UNDER_WAY.formatted("o") + " and o.person_id in ("
                    + "select m.person_id from move m"
                    + " where (m.origin_county = :county or m.destination_county = :county)"
                    + " and " + UNDER_WAY.formatted("m") + " and m.person_id in (select person_id from repeat_mover))"
                    + " group by o.person_id having count(*) > 1");

    private final EntityManager entityManager;

    public FindingRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Page {@code page} (from 0) of the county's findings of these kinds, by kind and person. */
    @SuppressWarnings("unchecked")
    public List<Finding> page(String county, Collection<Kind> kinds, LocalDate today, int page, int size) {
        Query query = entityManager.createNativeQuery("select kind, person_id, detail from (" + union(kinds)
                + ") f order by kind, person_id limit :size offset :offset");
        bind(query, county, kinds, today).setParameter("size", size).setParameter("offset", (long) page * size);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Finding(Kind.valueOf((String) row[0]), (UUID) row[1], (String) row[2]))
                .toList();
    }

    public long count(String county, Collection<Kind> kinds, LocalDate today) {
        Query query = entityManager.createNativeQuery("select count(*) from (" + union(kinds) + ") f", Long.class);
        return ((Number) bind(query, county, kinds, today).getSingleResult()).longValue();
    }

    private static String union(Collection<Kind> kinds) {
        return kinds.stream().sorted().map(STATEMENTS::get).collect(Collectors.joining(" union all "));
    }

    private static Query bind(Query query, String county, Collection<Kind> kinds, LocalDate today) {
        query.setParameter("county", county);
        if (kinds.contains(Kind.IMPLAUSIBLE_BIRTH_YEAR)) {
            query.setParameter("year", today.getYear());
        }
        if (kinds.contains(Kind.TWO_MOVES_UNDER_WAY)) {
            query.setParameter("today", today);
        }
        return query;
    }
}
