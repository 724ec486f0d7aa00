package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.HouseholdRecord;
import org.liudong.platform.persistence.Listing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<HouseholdRecord, UUID> {

    public long countRegistered(String county, Instant end) {
        return Listing.count(getEntityManager(), HouseholdRecord.class,
                "county = :county and registeredAt < :end and (dissolvedAt is null or dissolvedAt >= :end)",
                Map.of("county", county, "end", end));
    }
}
