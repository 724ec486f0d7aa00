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

    /** "Registered at the end of the period": registered before it and not ended before it. */
    private static final String REGISTERED = "p.county = :county and p.registeredAt < :end"
            + " and (p.endedAt is null or p.endedAt >= :end)";

    /** Sex and birth year of the registered persons, counted: rows of [sex, birthYear, count]. */
    public List<Object[]> sexAndBirthYear(String county, Instant end) {
        return getEntityManager().createQuery("select p.sex, p.birthYear, count(p) from PersonRecord p where " + REGISTERED
                        + " group by p.sex, p.birthYear", Object[].class)
                .setParameter("county", county).setParameter("end", end).getResultList();
    }

    /**
     * Of the persons registered at {@code end}: how many, how many have every field the register needs, a
     * plausible birth year and no twin elsewhere, and how many share their pseudonym with a person registered in
     * another county.
     */
    public record RecordCounts(long all, long good, long registeredElsewhere) {
    }

    /**
     * The {@link RecordCounts} in one statement, so every count comes from the same snapshot: one pass over the
     * county's persons that looks for a twin only for those whose pseudonym is in {@code shared_pseudonym}.
     */
    public RecordCounts countRecords(String county, Instant end, int year) {
        // materialized: inlined, the twin lookup would run once for each count that mentions it
        Object[] row = (Object[]) getEntityManager().createNativeQuery("with registered as materialized ("
                        + "select p.household_id is not null and p.relation is not null and p.sex in ('M', 'F')"
                        + " and p.id_index is not null and p.birth_year between 1900 and :year as complete,"
                        + " p.id_index in (select id_index from shared_pseudonym)"
                        + " and exists (select 1 from person o where o.id_index = p.id_index"
                        + " and o.county <> p.county and o.registered_at < :end"
                        + " and (o.ended_at is null or o.ended_at >= :end)) as elsewhere"
                        + " from person p where p.county = :county and p.registered_at < :end"
                        + " and (p.ended_at is null or p.ended_at >= :end))"
                        + " select count(*), count(*) filter (where complete and not elsewhere),"
                        + " count(*) filter (where elsewhere) from registered")
                .setParameter("county", county).setParameter("end", end).setParameter("year", year).getSingleResult();
        return new RecordCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /**
     * Adds those of {@code pseudonyms} that persons in more than one county carry to {@code shared_pseudonym}, the
     * candidates {@link #countRecords} checks for a twin registered elsewhere.
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
