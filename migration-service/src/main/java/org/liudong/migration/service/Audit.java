package org.liudong.migration.service;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.AuditEntry;
import org.liudong.migration.domain.Move;
import org.liudong.migration.repository.AuditRepository;
import org.liudong.migration.security.MoveAccess;
import org.liudong.platform.problem.RequestIds;

import java.time.OffsetDateTime;

/** Records every read of a person's basic data through a move, and every refused attempt to read a move. */
@ApplicationScoped
public class Audit {

    private final AuditRepository entries;
    private final MoveAccess access;
    private final Instance<HttpServerRequest> request;

    public Audit(AuditRepository entries, MoveAccess access, Instance<HttpServerRequest> request) {
        this.entries = entries;
        this.access = access;
        this.request = request;
    }

    /** A read of the person's basic data through {@code move}, in the transaction of the read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void personDataRead(Move move, String action) {
        entries.persist(entry(move, action, AuditEntry.SUCCESS));
    }

    /** A refused attempt to read {@code move}, in a transaction of its own: the refused request rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(Move move, String action) {
        entries.persist(entry(move, action, AuditEntry.DENIED));
    }

    private AuditEntry entry(Move move, String action, String outcome) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now();
        entry.actor = access.actor();
        entry.jurisdiction = access.jurisdiction();
        entry.action = action;
        entry.moveId = move.id;
        entry.personId = move.personId;
        entry.outcome = outcome;
        HttpServerRequest http = request.get();
        entry.requestId = http.getHeader(RequestIds.HEADER);
        String forwarded = http.getHeader("X-Forwarded-For");
        entry.clientAddress = forwarded != null ? forwarded : String.valueOf(http.remoteAddress());
        return entry;
    }
}
