package org.liudong.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.registry.domain.DivisionValidity;

@ApplicationScoped
public class DivisionValidityRepository implements PanacheRepositoryBase<DivisionValidity, String> {
}
