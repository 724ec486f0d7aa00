package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.migration.domain.InboxItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxItem, UUID> {

    public PanacheQuery<InboxItem> search(String county, InboxItem.Kind kind, Boolean handled) {
        List<String> where = new ArrayList<>(List.of("county = :county"));
        Parameters params = Parameters.with("county", county);
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (handled != null) {
            where.add("handled = :handled");
            params.and("handled", handled);
        }
        return find(String.join(" and ", where), Sort.descending("createdAt").and("id"), params);
    }
}
