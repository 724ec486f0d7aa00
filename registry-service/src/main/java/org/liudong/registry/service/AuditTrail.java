package org.liudong.registry.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.security.Caller;
import org.liudong.registry.domain.AuditEvent;
import org.liudong.registry.domain.AuditEvent.Action;
import org.liudong.registry.domain.AuditEvent.Outcome;
import org.liudong.registry.repository.AuditRepository;
import org.liudong.registry.security.RequestOrigin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records every read and change of personal data. Successes join the transaction of what they record (a
 * rolled-back change leaves no trace of having happened); refusals get their own transaction, because the
 * request that was refused rolls back.
 */
@ApplicationScoped
public class AuditTrail {

    /** Who acted, when no request is in progress (a bulk import's worker acts for whoever submitted the job). */
    public record Actor(String name, String roles, String jurisdiction) {
    }

    private final AuditRepository repository;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final RequestOrigin origin;

    public AuditTrail(AuditRepository repository, Caller caller, SecurityIdentity identity, RequestOrigin origin) {
        this.repository = repository;
        this.caller = caller;
        this.identity = identity;
        this.origin = origin;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void success(Action action, String subjectType, UUID subjectId, String county, String detail) {
        repository.persist(entry(currentActor(), action, subjectType, subjectId, county, Outcome.SUCCESS, detail));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(Action action, String subjectType, UUID subjectId, String county, String detail) {
        repository.persist(entry(currentActor(), action, subjectType, subjectId, county, Outcome.DENIED, detail));
    }

    /**
     * Success entries for {@code actor}, one per subject (with its detail), not yet written: a bulk import writes a
     * batch's entries in one statement batch ({@link org.liudong.registry.repository.BulkInserts#audit}) in the
     * transaction of what they record. The request's origin is read once for all of them.
     */
    public List<AuditEvent> successEntries(Actor actor, Action action, String subjectType, String county,
                                           Map<UUID, String> detailBySubject) {
        AuditEvent template = entry(actor, action, subjectType, null, county, Outcome.SUCCESS, null);
        List<AuditEvent> entries = new ArrayList<>(detailBySubject.size());
        detailBySubject.forEach((subjectId, detail) -> {
            AuditEvent event = new AuditEvent();
            event.recordedAt = template.recordedAt;
            event.actor = template.actor;
            event.actorRoles = template.actorRoles;
            event.jurisdiction = template.jurisdiction;
            event.action = template.action;
            event.subjectType = template.subjectType;
            event.subjectId = subjectId;
            event.county = template.county;
            event.outcome = template.outcome;
            event.detail = detail;
            event.clientIp = template.clientIp;
            event.requestId = template.requestId;
            event.purpose = template.purpose;
            entries.add(event);
        });
        return entries;
    }

    public Actor currentActor() {
        return new Actor(caller.name(), String.join(",", new TreeSet<>(identity.getRoles())),
                caller.jurisdiction().orElse(null));
    }

    private AuditEvent entry(Actor actor, Action action, String subjectType, UUID subjectId, String county,
                             Outcome outcome, String detail) {
        AuditEvent event = new AuditEvent();
        event.recordedAt = OffsetDateTime.now();
        event.actor = actor.name() == null ? "unknown" : actor.name();
        event.actorRoles = actor.roles() == null ? "" : actor.roles();
        event.jurisdiction = actor.jurisdiction();
        event.action = action.name();
        event.subjectType = subjectType;
        event.subjectId = subjectId;
        event.county = county;
        event.outcome = outcome.name();
        event.detail = detail;
        event.clientIp = origin.clientIp().orElse(null);
        event.requestId = origin.requestId().orElse(null);
        event.purpose = origin.purpose().orElse(null);
        return event;
    }
}
