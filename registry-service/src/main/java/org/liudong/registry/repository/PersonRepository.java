package org.liudong.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.registry.domain.Person;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public Optional<Person> findByIdIndex(String idIndex) {
        return find("idIndex", idIndex).firstResultOptional();
    }

    public List<String> takenIndexes(Collection<String> idIndexes) {
        return getEntityManager()
                .createQuery("select p.idIndex from Person p where p.idIndex in :indexes", String.class)
                .setParameter("indexes", idIndexes)
                .getResultList();
    }

    public List<Person> members(UUID householdId) {
        return list("householdId", Sort.by("createdAt").and("id"), householdId);
    }

    public long countMembers(UUID householdId) {
        return count("householdId", householdId);
    }

    public PanacheQuery<Person> byCounty(String county) {
        return find("registryCounty", Sort.by("name").and("id"), county);
    }

    public PanacheQuery<Person> inHousehold(UUID householdId) {
        return find("householdId", Sort.by("createdAt").and("id"), householdId);
    }

    /** Name prefix search within one county; {@code %} and {@code _} in the prefix match literally. */
    public PanacheQuery<Person> byCountyAndNamePrefix(String county, String namePrefix) {
        String escaped = namePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return find("registryCounty = ?1 and name like ?2 escape '\\'", Sort.by("name").and("id"), county, escaped + "%");
    }
}
