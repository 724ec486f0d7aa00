package org.liudong.migration.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.migration.domain.Person;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /** The registry keeps one person per ID number; a corrected number moves the index to the corrected record. */
    public Optional<Person> findByIdIndex(String idIndex) {
        return find("idIndex = ?1 order by updatedAt desc", idIndex).firstResultOptional();
    }
}
