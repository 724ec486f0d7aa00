package org.liudong.registry.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.identity.Sex;
import org.liudong.platform.persistence.Listing;
import org.liudong.registry.domain.Person;
import org.liudong.registry.domain.PersonStatus;
import org.liudong.registry.domain.Relation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    private static final String BY_ID_INDEX = "select id, id_number_encrypted, id_index, name, sex, birth_date, phone, "
            + "household_id, relation, registry_county, status, died_on, version, created_at, updated_at "
            + "from person where id_index = ?";

    private final AgroalDataSource dataSource;

    public PersonRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The person with this blind index, read with one plain query and not attached to the session (changes to it
     * are not saved): the lookup by ID number is the register's most frequent request.
     */
    public Optional<Person> readByIdIndex(String idIndex) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(BY_ID_INDEX)) {
            query.setString(1, idIndex);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Person p = new Person();
                p.id = row.getObject(1, UUID.class);
                p.idNumberEncrypted = row.getBytes(2);
                p.idIndex = row.getString(3);
                p.name = row.getString(4);
                p.sex = Sex.valueOf(row.getString(5));
                p.birthDate = row.getObject(6, LocalDate.class);
                p.phone = row.getString(7);
                p.householdId = row.getObject(8, UUID.class);
                p.relation = Relation.valueOf(row.getString(9));
                p.registryCounty = row.getString(10);
                p.status = PersonStatus.valueOf(row.getString(11));
                p.diedOn = row.getObject(12, LocalDate.class);
                p.version = row.getLong(13);
                p.createdAt = row.getObject(14, OffsetDateTime.class);
                p.updatedAt = row.getObject(15, OffsetDateTime.class);
                return Optional.of(p);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the person", e);
        }
    }

    public Optional<Person> findByIdIndex(String idIndex) {
        return find("idIndex", idIndex).firstResultOptional();
    }

    /**
     * The household of each of these blind indexes already registered (null for a person without one), with one
     * array parameter: the statement stays the same whatever the number of indexes, where "in :indexes" with a
     * collection made Hibernate translate the query anew every time. Cast to the column's type, or the unique index
     * on it is not used.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UUID> householdsByIdIndex(Collection<String> idIndexes) {
        Map<String, UUID> found = new HashMap<>();
        if (idIndexes.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select id_index, household_id from person where id_index = any(cast(? as char(64)[]))")) {
            query.setArray(1, connection.createArrayOf("text", idIndexes.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up registered ID numbers", e);
        }
    }

    public List<Person> members(UUID householdId) {
        return list("householdId", Sort.by("createdAt").and("id"), householdId);
    }

    public long countMembers(UUID householdId) {
        return Listing.count(getEntityManager(), Person.class, "householdId = :householdId",
                Map.of("householdId", householdId));
    }

    public Listing<Person> byCounty(String county) {
        return new Listing<>(getEntityManager(), Person.class, "registryCounty = :county", Map.of("county", county),
                "name, id");
    }

    public Listing<Person> inHousehold(UUID householdId) {
        return new Listing<>(getEntityManager(), Person.class, "householdId = :householdId",
                Map.of("householdId", householdId), "createdAt, id");
    }

    /** Name prefix search within one county; {@code %} and {@code _} in the prefix match literally. */
    public Listing<Person> byCountyAndNamePrefix(String county, String namePrefix) {
        String escaped = namePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return new Listing<>(getEntityManager(), Person.class, "registryCounty = :county and name like :prefix escape '\\'",
                Map.of("county", county, "prefix", escaped + "%"), "name, id");
    }
}
