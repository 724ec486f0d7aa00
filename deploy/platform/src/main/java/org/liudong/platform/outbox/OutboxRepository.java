package org.liudong.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntry, Long> {

    /** Only one relay may publish at a time, or two instances could reorder a person's events. */
    private static final long RELAY_LOCK = 0x4c6975646f6e67L;

    public boolean tryLockForRelay() {
        Object locked = getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    public List<OutboxEntry> oldest(int limit) {
        return find("order by id").page(0, limit).list();
    }

    public void deletePublished(List<OutboxEntry> published) {
        // an array parameter keeps the statement the same whatever the batch size; "id in ?1" with a list made
        // Hibernate translate the query anew for every batch
        getEntityManager().createNativeQuery("delete from outbox where id = any(?1)")
                .setParameter(1, published.stream().map(e -> e.id).toArray(Long[]::new))
                .executeUpdate();
    }
}
