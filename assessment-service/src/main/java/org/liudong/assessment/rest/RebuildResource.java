package org.liudong.assessment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liudong.assessment.domain.RebuildJob;
import org.liudong.assessment.security.AssessmentAccess;
import org.liudong.assessment.service.RebuildService;
import org.liudong.platform.idempotency.IdempotentRequests;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;

import java.time.Instant;
import java.util.UUID;

@Path("/api/assessment/rebuilds")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    public record RebuildView(UUID id, String status, long total, long consumed, Double progress, Instant startedAt,
                              Instant finishedAt, String error) {

        static RebuildView of(RebuildJob job) {
            Double progress = job.total == 0 ? null : Math.min(1.0, (double) job.consumed / job.total);
            return new RebuildView(job.id, job.status, job.total, job.consumed, progress, job.startedAt,
                    job.finishedAt, job.error);
        }
    }

    private final RebuildService rebuilds;
    private final AssessmentAccess access;
    private final IdempotentRequests idempotency;

    public RebuildResource(RebuildService rebuilds, AssessmentAccess access, IdempotentRequests idempotency) {
        this.rebuilds = rebuilds;
        this.access = access;
        this.idempotency = idempotency;
    }

    /** A retry with the request's Idempotency-Key answers with the job it started instead of starting another. */
    @POST
    @Operation(summary = "Rebuild every projection from the start of the topics (admins); 202 with the job")
    public Response start(@Context UriInfo uri, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.executeWithFingerprint(idempotencyKey, "POST /api/assessment/rebuilds", "", () -> {
            RebuildJob job = rebuilds.start(access.name());
            return Response.accepted(RebuildView.of(job))
                    .location(uri.getAbsolutePathBuilder().path(job.id.toString()).build()).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a rebuild")
    public RebuildView get(@PathParam("id") UUID id) {
        return rebuilds.find(id).map(RebuildView::of).orElseThrow(() -> ProblemException.notFound("Rebuild " + id));
    }
}
