package org.liudong.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;

/**
 * Entities matching a condition, in a fixed order: a page of them and how many there are in all.
 *
 * <p>Both are plain HQL strings, which Hibernate translates to SQL once and then takes from its plan cache. Panache's
 * {@code count()} (of a repository or of a {@code PanacheQuery}) asks Hibernate for the result count of a query
 * instead, and Hibernate translates that anew on every call: in a county's inbox list that was most of the CPU the
 * request cost.
 *
 * @param where  HQL condition on the entity's fields, with named parameters
 * @param order  HQL {@code order by} list, ending with a unique field so that pages do not overlap
 */
public record Listing<E>(EntityManager entityManager, Class<E> entity, String where, Map<String, Object> parameters,
                         String order) {

    /** Page {@code page} (from 0) of {@code size} entities. */
    public List<E> page(int page, int size) {
        TypedQuery<E> query = entityManager.createQuery("from " + name(entityManager, entity) + " where " + where
                + " order by " + order, entity);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count() {
        return count(entityManager, entity, where, parameters);
    }

    /** How many {@code entity} rows match {@code where}; a replacement for Panache's {@code count(query, params)}. */
    public static long count(EntityManager entityManager, Class<?> entity, String where, Map<String, Object> parameters) {
        TypedQuery<Long> query = entityManager.createQuery("select count(*) from " + name(entityManager, entity)
                + " where " + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String name(EntityManager entityManager, Class<?> entity) {
        return entityManager.getMetamodel().entity(entity).getName();
    }
}
