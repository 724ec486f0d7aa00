package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.migration.domain.InboxItem;
import org.liudong.platform.persistence.Listing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxItem, UUID> {

    /** The county's items, newest first, optionally of one kind and handled or not. */
    public Listing<InboxItem> search(String county, InboxItem.Kind kind, Boolean handled) {
        List<String> where = new ArrayList<>(List.of("county = :county"));
        Map<String, Object> params = new HashMap<>(Map.of("county", county));
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind);
        }
        if (handled != null) {
            where.add("handled = :handled");
            params.put("handled", handled);
        }
        return new Listing<>(getEntityManager(), InboxItem.class, String.join(" and ", where), params, "createdAt desc, id");
    }
}
