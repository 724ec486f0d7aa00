package org.liudong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.persistence.Listing;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;
import org.liudong.registry.domain.AuditEvent;
import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.Person;
import org.liudong.registry.repository.AuditRepository;
import org.liudong.registry.repository.HouseholdRepository;
import org.liudong.registry.repository.PersonRepository;
import org.liudong.registry.rest.AuditView;
import org.liudong.registry.rest.Page;

import java.util.Optional;
import java.util.UUID;

/** Reading the audit trail: admins everywhere, supervisors for records of their jurisdiction. */
@ApplicationScoped
@Transactional
public class AuditService {

    private final AuditRepository audit;
    private final PersonRepository persons;
    private final HouseholdRepository households;
    private final Caller caller;

    public AuditService(AuditRepository audit, PersonRepository persons, HouseholdRepository households, Caller caller) {
        this.audit = audit;
        this.persons = persons;
        this.households = households;
        this.caller = caller;
    }

    public Page<AuditView> trail(UUID subject, int page, int size) {
        String county = persons.findByIdOptional(subject).map(p -> p.registryCounty)
                .or(() -> households.findByIdOptional(subject).map(h -> h.county))
                .orElseThrow(() -> ProblemException.notFound("Record " + subject));
        caller.requireCovers(county);
        Listing<AuditEvent> trail = audit.bySubject(subject);
        return new Page<>(trail.page(page, size).stream().map(AuditService::view).toList(), page, size, trail.count());
    }

    private static AuditView view(AuditEvent e) {
        return new AuditView(e.id, e.recordedAt, e.actor, e.actorRoles, e.jurisdiction, e.action, e.subjectType,
                e.subjectId.toString(), e.county, e.outcome, e.detail, e.clientIp, e.requestId, e.purpose);
    }
}
