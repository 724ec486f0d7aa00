package org.liudong.registry.rest;

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
import org.liudong.platform.security.Caller;
import org.liudong.registry.service.AuditService;

import java.util.UUID;

/** Who read or changed a person's (or household's) record: for supervisors of its county and admins. */
@Path("/api/registry/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    public Page<AuditView> trail(@QueryParam("subject") @NotNull UUID subject,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.trail(subject, page, size);
    }
}
