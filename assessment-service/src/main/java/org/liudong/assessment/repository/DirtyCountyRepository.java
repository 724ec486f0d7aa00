package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.DirtyCounty;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

@ApplicationScoped
public class DirtyCountyRepository implements PanacheRepositoryBase<DirtyCounty, DirtyCounty.Key> {

    private static final int ROWS_PER_STATEMENT = 1000;

    /**
     * Marks county months in one multi-row insert per thousand. Sorted, so that concurrent batches lock the rows
     * in the same order and cannot deadlock each other.
     */
    public void mark(Collection<DirtyCounty.Key> keys) {
        List<DirtyCounty.Key> sorted = keys.stream().distinct().sorted(Comparator.comparing(DirtyCounty.Key::county)
                .thenComparing(DirtyCounty.Key::period)).toList();
        for (int from = 0; from < sorted.size(); from += ROWS_PER_STATEMENT) {
            List<DirtyCounty.Key> chunk = sorted.subList(from, Math.min(sorted.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("insert into public.dirty_county (county, period) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
            }
            sql.append(" on conflict do nothing");
            var query = getEntityManager().createNativeQuery(sql.toString());
            int parameter = 1;
            for (DirtyCounty.Key key : chunk) {
                query.setParameter(parameter++, key.county());
                query.setParameter(parameter++, key.period());
            }
            query.executeUpdate();
        }
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
