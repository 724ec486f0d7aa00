package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.PersonRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<PersonRecord, UUID> {

    /** "Registered at the end of the period": registered before it and not ended before it. */
    private static final String REGISTERED = "p.county = :county and p.registeredAt < :end"
            + " and (p.endedAt is null or p.endedAt >= :end)";

    private static final String REGISTERED_ELSEWHERE = "exists (select 1 from PersonRecord o where o.idIndex = p.idIndex"
            + " and o.county <> p.county and o.registeredAt < :end and (o.endedAt is null or o.endedAt >= :end))";

    /** Sex and birth year of the registered persons, counted: rows of [sex, birthYear, count]. */
    public List<Object[]> sexAndBirthYear(String county, Instant end) {
        return getEntityManager().createQuery("select p.sex, p.birthYear, count(p) from PersonRecord p where " + REGISTERED
                        + " group by p.sex, p.birthYear", Object[].class)
                .setParameter("county", county).setParameter("end", end).getResultList();
    }

    /**
     * Registered persons, and those with every field the register needs, a plausible birth year and no twin
     * elsewhere — counted in one statement, so both come from the same snapshot: [all, good].
     */
    public long[] countRecordsAndGoodOnes(String county, Instant end, int year) {
        Object[] row = getEntityManager().createQuery("select count(p), coalesce(sum(case when"
                        + " p.householdId is not null and p.relation is not null and p.sex in ('M', 'F')"
                        + " and p.idIndex is not null and p.birthYear between 1900 and :year"
                        + " and not " + REGISTERED_ELSEWHERE + " then 1 else 0 end), 0)"
                        + " from PersonRecord p where " + REGISTERED, Object[].class)
                .setParameter("county", county).setParameter("end", end).setParameter("year", year).getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Registered persons whose pseudonym is also registered in another county. */
    public long countRegisteredElsewhere(String county, Instant end) {
        return getEntityManager().createQuery("select count(p) from PersonRecord p where " + REGISTERED
                        + " and p.idIndex is not null and " + REGISTERED_ELSEWHERE, Long.class)
                .setParameter("county", county).setParameter("end", end).getSingleResult();
    }

    public List<String> countiesUnder(String prefix) {
        return getEntityManager().createQuery("select distinct p.county from PersonRecord p where p.county like :prefix",
                String.class).setParameter("prefix", prefix + "%").getResultList();
    }
}
