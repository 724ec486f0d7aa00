package org.liudong.migration.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
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

    public record AuditView(OffsetDateTime at, String actor, String jurisdiction, String action, String outcome,
                            UUID moveId, UUID personId, String requestId, String clientAddress) {

        static AuditView of(AuditEntry e) {
            return new AuditView(e.at, e.actor, e.jurisdiction, e.action, e.outcome, e.moveId, e.personId,
                    e.requestId, e.clientAddress);
        }
    }

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    /** The trail, oldest first, a page at a time. */
    @GET
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    public PageView<AuditView> of(@QueryParam("subject") @NotNull UUID subject,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<AuditEntry> trail = audit.of(subject);
        List<AuditView> items = trail.stream().skip((long) page * size).limit(size).map(AuditView::of).toList();
        return new PageView<>(items, page, size, trail.size());
    }
}
