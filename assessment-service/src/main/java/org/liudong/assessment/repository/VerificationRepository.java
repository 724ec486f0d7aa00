package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.VerificationRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VerificationRepository implements PanacheRepositoryBase<VerificationRecord, UUID> {

    /** Requests to the county that fall due in the period or may still be open in it. */
    public List<VerificationRecord> addressedTo(String county, LocalDate start, LocalDate end) {
        return list("toCounty = :county and requestedOn < :end"
                        + " and (dueOn >= :start or answeredOn is null or answeredOn >= :start)",
                Parameters.with("county", county).and("start", start).and("end", end));
    }

    public List<String> countiesUnder(String prefix) {
        return getEntityManager().createQuery("select distinct v.toCounty from VerificationRecord v where v.toCounty like :prefix",
                String.class).setParameter("prefix", prefix + "%").getResultList();
    }
}
