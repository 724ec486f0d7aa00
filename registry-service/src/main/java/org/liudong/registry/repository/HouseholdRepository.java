package org.liudong.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.platform.persistence.Listing;
import org.liudong.registry.domain.Household;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    public Optional<Household> findByNumber(String county, String householdNumber) {
        return find("county = ?1 and householdNumber = ?2", county, householdNumber).firstResultOptional();
    }

    public boolean numberTaken(String county, String householdNumber) {
        return Listing.count(getEntityManager(), Household.class, "county = :county and householdNumber = :number",
                Map.of("county", county, "number", householdNumber)) > 0;
    }

    /** Generated household numbers: the county code and a database sequence, so they never collide. */
    public String nextNumber(String county) {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('household_number_seq')")
                .getSingleResult();
        return county + String.format("%08d", next.longValue());
    }
}
