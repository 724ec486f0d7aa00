package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.PersonRecord;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<PersonRecord, UUID> {

    /**
     * Persons registered at {@code end} alike in sex and birth year: how many, how many have every field the
     * register needs, a plausible birth year and no twin elsewhere, and how many share their pseudonym with a person
     * registered in another county.
     */
    public record Cohort(String sex, Integer birthYear, long all, long good, long registeredElsewhere) {
    }

    /**
     * The county's {@link Cohort}s in one statement, so every count comes from the same snapshot: one pass over the
     * county's persons that looks for a twin only for those whose pseudonym is in {@code shared_pseudonym}.
     */
    public List<Cohort> registeredCohorts(String county, Instant end, int year) {
        // materialized: inlined, the twin lookup would run once for each count that mentions it
        List<Object[]> rows = getEntityManager().createNativeQuery("with registered as materialized ("
                        + "select p.sex, p.birth_year, p.household_id is not null and p.relation is not null"
                        + " and p.sex in ('M', 'F') and p.id_index is not null and p.birth_year between 1900 and :year"
                        + " as complete,"
                        + " p.id_index in (select id_index from shared_pseudonym)"
                        + " and exists (select 1 from person o where o.id_index = p.id_index"
                        + " and o.county <> p.county and o.registered_at < :end"
                        + " and (o.ended_at is null or o.ended_at >= :end)) as elsewhere"
                        + " from person p where p.county = :county and p.registered_at < :end"
                        + " and (p.ended_at is null or p.ended_at >= :end))"
                        + " select sex, birth_year, count(*), count(*) filter (where complete and not elsewhere),"
                        + " count(*) filter (where elsewhere) from registered group by sex, birth_year", Object[].class)
                .setParameter("county", county).setParameter("end", end).setParameter("year", year).getResultList();
        return rows.stream().map(row -> new Cohort((String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue())).toList();
    }

    /**
     * Adds those of {@code pseudonyms} that persons in more than one county carry to {@code shared_pseudonym}, the
     * candidates {@link #registeredCohorts} checks for a twin registered elsewhere.
     */
    public void recordSharedPseudonyms(Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("insert into shared_pseudonym (id_index) select id_index from person"
                        + " where id_index = any(?1) group by id_index having count(distinct county) > 1"
                        + " on conflict do nothing")
                .setParameter(1, pseudonyms.toArray(String[]::new)).executeUpdate();
    }

    /** {@link #recordSharedPseudonyms} for every person at once, after a rebuild loaded its rows. */
    public void recordAllSharedPseudonyms() {
        getEntityManager().createNativeQuery("insert into shared_pseudonym (id_index) select id_index from person"
                + " where id_index is not null group by id_index having count(distinct county) > 1"
                + " on conflict do nothing").executeUpdate();
    }

    public List<String> countiesUnder(String prefix) {
        return getEntityManager().createQuery("select distinct p.county from PersonRecord p where p.county like :prefix",
                String.class).setParameter("prefix", prefix + "%").getResultList();
    }
}
