package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.liudong.assessment.domain.StreamEvent;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class StreamEventRepository implements PanacheRepository<StreamEvent> {

    private static final long APPEND_LOCK = 0x73747265616d31L;

    /** Entries after {@code lastId} with either county inside the jurisdiction ("" reaches everything). */
    public List<StreamEvent> after(long lastId, String jurisdiction, int limit) {
        return find("id > :last and (county like :prefix or otherCounty like :prefix) order by id",
                Parameters.with("last", lastId).and("prefix", jurisdiction + "%")).page(0, limit).list();
    }

    /** Deletes up to {@code limit} of the entries created before {@code cutoff}, the oldest first. */
    public int purgeCreatedBefore(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("delete from public.stream_event where id in (select id from"
                        + " public.stream_event where created_at < ?1 order by created_at limit ?2)")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }

    public long lastId() {
        Long id = getEntityManager().createQuery("select max(e.id) from StreamEvent e", Long.class).getSingleResult();
        return id == null ? 0 : id;
    }

    /**
     * Appends entries in one statement (ids from the sequence, in list order); the last statement of the caller's
     * transaction. The feed hands out entries by id ({@link #after}), so ids must become visible in the order they
     * were drawn: an entry drawn earlier by a transaction that commits later would otherwise be behind a cursor
     * that already passed it, and never sent. Appends therefore take a lock held until commit, one transaction at
     * a time.
     */
    public void append(List<StreamEvent> entries) {
        if (entries.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, APPEND_LOCK);
                lock.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into public.stream_event"
                    + " (kind, county, other_county, payload, created_at) select k, c, o, p, t from unnest(?::text[], ?::text[],"
                    + " ?::text[], ?::text[], ?::text[]::timestamptz[]) with ordinality as e(k, c, o, p, t, n) order by n")) {
                insert.setArray(1, connection.createArrayOf("text", entries.stream().map(e -> e.kind).toArray()));
                insert.setArray(2, connection.createArrayOf("text", entries.stream().map(e -> e.county).toArray()));
                insert.setArray(3, connection.createArrayOf("text", entries.stream().map(e -> e.otherCounty).toArray()));
                insert.setArray(4, connection.createArrayOf("text", entries.stream().map(e -> e.payload).toArray()));
                insert.setArray(5, connection.createArrayOf("text",
                        entries.stream().map(e -> e.createdAt.toString()).toArray()));
                insert.executeUpdate();
            }
        });
    }
}
