package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.liudong.migration.domain.Person;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** The registry keeps one person per ID number; a corrected number moves the index to the corrected record. */
    public Optional<Person> findByIdIndex(String idIndex) {
        return find("idIndex = ?1 order by updatedAt desc", idIndex).firstResultOptional();
    }

    /** The known persons among {@code ids}, by id (Hibernate's multi-load: a few statements, not one per id). */
    public Map<UUID, Person> knownAmong(Collection<UUID> ids) {
        List<Person> found = getEntityManager().unwrap(Session.class).byMultipleIds(Person.class)
                .multiLoad(ids.stream().distinct().toList());
        Map<UUID, Person> known = new HashMap<>();
        found.stream().filter(Objects::nonNull).forEach(person -> known.put(person.id, person));
        return known;
    }
}
