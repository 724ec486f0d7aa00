package org.liudong.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;
import org.liudong.registry.service.Divisions;

/** Division reference data: any signed-in caller reads it; admins record retirements. */
@Path("/api/registry/divisions")
@Produces(MediaType.APPLICATION_JSON)
public class DivisionResource {

    private final Divisions divisions;

    public DivisionResource(Divisions divisions) {
        this.divisions = divisions;
    }

    @GET
    @Path("{code}")
    @Authenticated
    public DivisionView get(@PathParam("code") String code) {
        return divisions.describe(code).orElseThrow(() -> ProblemException.notFound("Division " + code));
    }

    @PUT
    @Path("{code}/retirement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public DivisionView retire(@PathParam("code") String code, @Valid @NotNull RetirementRequest request) {
        return divisions.retire(code, request);
    }
}
