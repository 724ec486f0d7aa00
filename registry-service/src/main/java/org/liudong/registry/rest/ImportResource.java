package org.liudong.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.liudong.platform.idempotency.IdempotentRequests;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;
import org.liudong.registry.service.ImportService;
import org.liudong.registry.service.ImportUpload;

import java.io.InputStream;
import java.util.UUID;

/** Bulk CSV import (DESIGN columns, UTF-8, header row): integrators submit, the job reports progress and row errors. */
@Path("/api/registry/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final String BASE = "/api/registry/imports";

    private final ImportService imports;
    private final IdempotentRequests idempotency;

    public ImportResource(ImportService imports, IdempotentRequests idempotency) {
        this.imports = imports;
        this.idempotency = idempotency;
    }

    /** The body streams to a temporary file; the answer is 202 with the job, processed in the background. */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Caller.INTEGRATOR)
    public Response submit(@HeaderParam(IdempotentRequests.HEADER) String key, InputStream body, UriInfo uri) {
        ImportUpload upload = imports.receive(body);
        UUID[] created = new UUID[1];
        boolean started = false;
        try {
            Response response = idempotency.executeWithFingerprint(key, "POST " + BASE, upload.hash(), () -> {
                ImportJobView job = imports.create(upload);
                created[0] = UUID.fromString(job.id());
                return Response.accepted(job).location(uri.getBaseUriBuilder().path(BASE).path(job.id()).build()).build();
            });
            if (created[0] != null) {
                imports.start(created[0], upload);
                started = true;
            }
            return response;
        } finally {
            if (!started) {
                upload.discard();
            }
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public ImportJobView get(@PathParam("id") UUID id) {
        return imports.find(id).orElseThrow(() -> ProblemException.notFound("Import " + id));
    }
}
