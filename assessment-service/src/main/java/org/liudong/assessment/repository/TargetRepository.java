package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.TargetSetting;

import java.util.List;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<TargetSetting, TargetSetting.Key> {

    /** Targets of every jurisdiction that contains the county, most specific first. */
    public List<TargetSetting> covering(String county) {
        return getEntityManager().createQuery("select t from TargetSetting t where :county like concat(t.key.jurisdiction, '%')"
                        + " order by length(t.key.jurisdiction) desc", TargetSetting.class)
                .setParameter("county", county).getResultList();
    }
}
