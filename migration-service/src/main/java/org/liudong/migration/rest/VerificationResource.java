package org.liudong.migration.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.liudong.migration.domain.Verification;
import org.liudong.migration.service.AnswerRequest;
import org.liudong.migration.service.VerificationRequest;
import org.liudong.migration.service.VerificationService;
import org.liudong.platform.idempotency.IdempotentRequests;
import org.liudong.platform.security.Caller;

import java.net.URI;
import java.util.UUID;

@Path("/api/migration/verifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final VerificationService verifications;
    private final IdempotentRequests idempotency;

    public VerificationResource(VerificationService verifications, IdempotentRequests idempotency) {
        this.verifications = verifications;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response request(@NotNull @Valid VerificationRequest request,
                            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/migration/verifications", request, () -> {
            Verification created = verifications.request(request);
            return Response.created(URI.create("/api/migration/verifications/" + created.id))
                    .entity(VerificationView.of(created)).tag(Etags.of(created.version)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public Response read(@PathParam("id") UUID id) {
        Verification verification = verifications.read(id);
        return Response.ok(VerificationView.of(verification)).tag(Etags.of(verification.version)).build();
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response answer(@PathParam("id") UUID id, @NotNull @Valid AnswerRequest answer,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/migration/verifications/" + id + "/answer", answer,
                () -> {
                    Verification answered = verifications.answer(id, answer, Etags.expected(ifMatch));
                    return Response.ok(VerificationView.of(answered)).tag(Etags.of(answered.version)).build();
                });
    }
}
