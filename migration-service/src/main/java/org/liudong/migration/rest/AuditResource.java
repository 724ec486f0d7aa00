package org.liudong.migration.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.liudong.migration.domain.AuditEntry;
import org.liudong.migration.service.AuditService;
import org.liudong.platform.security.Caller;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/migration/audit?subject={moveId|personId}}: who read a person's basic data through a move. */
@Path("/api/migration/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record AuditView(OffsetDateTime at, String actor, String jurisdiction, String action, UUID moveId,
                            UUID personId, String requestId, String clientAddress) {

        static AuditView of(AuditEntry e) {
            return new AuditView(e.at, e.actor, e.jurisdiction, e.action, e.moveId, e.personId, e.requestId,
                    e.clientAddress);
        }
    }

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    public List<AuditView> of(@QueryParam("subject") @NotNull UUID subject) {
        return audit.of(subject).stream().map(AuditView::of).toList();
    }
}
