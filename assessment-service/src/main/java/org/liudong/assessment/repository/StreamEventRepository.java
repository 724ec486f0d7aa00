package org.liudong.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.StreamEvent;

import java.util.List;

@ApplicationScoped
public class StreamEventRepository implements PanacheRepository<StreamEvent> {

    /** Entries after {@code lastId} with either county inside the jurisdiction ("" reaches everything). */
    public List<StreamEvent> after(long lastId, String jurisdiction, int limit) {
        return find("id > :last and (county like :prefix or otherCounty like :prefix) order by id",
                Parameters.with("last", lastId).and("prefix", jurisdiction + "%")).page(0, limit).list();
    }

    public long lastId() {
        Long id = getEntityManager().createQuery("select max(e.id) from StreamEvent e", Long.class).getSingleResult();
        return id == null ? 0 : id;
    }
}
