package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.HouseholdRecord;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<HouseholdRecord, UUID> {

    public long countRegistered(String county, Instant end) {
        return count("county = :county and registeredAt < :end and (dissolvedAt is null or dissolvedAt >= :end)",
                Parameters.with("county", county).and("end", end));
    }
}
