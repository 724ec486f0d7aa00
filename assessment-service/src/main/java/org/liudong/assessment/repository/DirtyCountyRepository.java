package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.liudong.assessment.domain.DirtyCounty;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class DirtyCountyRepository implements PanacheRepositoryBase<DirtyCounty, DirtyCounty.Key> {

    /**
     * Marks county months in one statement. The list has no key, so a batch never waits for another batch or
     * for the watcher: a county month already on the list (committed) is left out, and one that concurrent
     * batches both add is on it twice and examined once.
     */
    public void mark(Collection<DirtyCounty.Key> keys) {
        List<DirtyCounty.Key> distinct = keys.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into public.dirty_county (county, period) select c, p from unnest(?::text[], ?::text[]) as k(c, p)"
                            + " where not exists (select 1 from public.dirty_county d where d.period = k.p and d.county = k.c)")) {
                insert.setArray(1, connection.createArrayOf("text", distinct.stream().map(DirtyCounty.Key::county).toArray()));
                insert.setArray(2, connection.createArrayOf("text", distinct.stream().map(DirtyCounty.Key::period).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Takes up to {@code limit} entries off the list, with every other entry of the same county months;
     * concurrent watchers skip each other's rows.
     *
     * @return the entries taken, a county month as often as it was marked
     */
    @SuppressWarnings("unchecked")
    public List<DirtyCounty.Key> take(int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "delete from public.dirty_county where (county, period) in (select county, period from public.dirty_county"
                                + " order by period, county limit ?1 for update skip locked) returning county, period")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new DirtyCounty.Key((String) r[0], (String) r[1])).toList();
    }
}
