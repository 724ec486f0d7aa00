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

/** Records every read of a person's basic data through a move. */
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void personDataRead(Move move, String action) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now();
        entry.actor = access.actor();
        entry.jurisdiction = access.jurisdiction();
        entry.action = action;
        entry.moveId = move.id;
        entry.personId = move.personId;
        HttpServerRequest http = request.get();
        entry.requestId = http.getHeader(RequestIds.HEADER);
        String forwarded = http.getHeader("X-Forwarded-For");
        entry.clientAddress = forwarded != null ? forwarded : String.valueOf(http.remoteAddress());
        entries.persist(entry);
    }
}
