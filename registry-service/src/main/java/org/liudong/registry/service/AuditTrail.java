package org.liudong.registry.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.security.Caller;
import org.liudong.registry.domain.AuditEvent;
import org.liudong.registry.domain.AuditEvent.Action;
import org.liudong.registry.domain.AuditEvent.Outcome;
import org.liudong.registry.repository.AuditRepository;
import org.liudong.registry.security.RegisterAccess;
import org.liudong.registry.security.RequestOrigin;

import java.time.OffsetDateTime;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records every read and change of personal data, and every refusal of one. Successes join the transaction of what
 * they record (a rolled-back change leaves no trace of having happened); refusals get their own transaction, because
 * the request that was refused rolls back.
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * Who acted and from where, kept for when no request is in progress any more (a bulk import's worker acts for
     * whoever submitted the job, from where it was submitted).
     */
    public record Actor(String name, String roles, String jurisdiction, String clientIp, String requestId,
                        String purpose) {
    }

    private final AuditRepository repository;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final RequestOrigin origin;
    private final RegisterAccess access;

    public AuditTrail(AuditRepository repository, Caller caller, SecurityIdentity identity, RequestOrigin origin,
                      RegisterAccess access) {
        this.repository = repository;
        this.access = access;
        this.caller = caller;
        this.identity = identity;
        this.origin = origin;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void success(Action action, String subjectType, UUID subjectId, String county, String detail) {
        repository.append(entry(currentActor(), action, subjectType, subjectId, county, Outcome.SUCCESS, detail));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(Action action, String subjectType, UUID subjectId, String county, String detail) {
        repository.append(entry(currentActor(), action, subjectType, subjectId, county, Outcome.DENIED, detail));
    }

    /** Lets the caller read a record of {@code county}; a refusal is recorded, then answered with 403. */
    public void requireRead(Action action, String subjectType, UUID subjectId, String county, String detail) {
        if (!access.mayRead(county)) {
            denied(action, subjectType, subjectId, county, detail);
            access.requireRead(county);
        }
    }

    /** Lets the caller change a record of {@code county}; a refusal is recorded, then answered with 403. */
    public void requireWrite(Action action, String subjectType, UUID subjectId, String county, String detail) {
        if (!access.mayWrite(county)) {
            denied(action, subjectType, subjectId, county, detail);
            access.requireWrite(county);
        }
    }

    /**
     * The success entry of {@code actor} without its subject and detail: a bulk import writes one per person it
     * registers ({@link org.liudong.registry.repository.ImportStore.Rows#audit}) in the transaction of what they record.
     */
    public AuditEvent template(Actor actor, Action action, String subjectType, String county) {
        return entry(actor, action, subjectType, null, county, Outcome.SUCCESS, null);
    }

    public Actor currentActor() {
        return new Actor(caller.name(), String.join(",", new TreeSet<>(identity.getRoles())),
                caller.jurisdiction().orElse(null), origin.clientIp().orElse(null), origin.requestId().orElse(null),
                origin.purpose().orElse(null));
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
        event.clientIp = actor.clientIp();
        event.requestId = actor.requestId();
        event.purpose = actor.purpose();
        return event;
    }
}
