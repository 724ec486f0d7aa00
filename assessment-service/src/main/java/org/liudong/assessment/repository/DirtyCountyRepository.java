package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.DirtyCounty;

import java.util.List;

@ApplicationScoped
public class DirtyCountyRepository implements PanacheRepositoryBase<DirtyCounty, DirtyCounty.Key> {

    public void mark(String county, String period) {
        getEntityManager().createNativeQuery(
                        "insert into public.dirty_county (county, period) values (?1, ?2) on conflict do nothing")
                .setParameter(1, county).setParameter(2, period).executeUpdate();
    }

    /** Takes up to {@code limit} entries off the list; concurrent watchers skip each other's rows. */
    @SuppressWarnings("unchecked")
    public List<DirtyCounty.Key> take(int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "delete from public.dirty_county where (county, period) in (select county, period from public.dirty_county"
                                + " order by period, county limit ?1 for update skip locked) returning county, period")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new DirtyCounty.Key((String) r[0], (String) r[1])).toList();
    }
}
