package org.liudong.migration.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.MoveHistory;
import org.liudong.migration.domain.MoveStatus;
import org.liudong.migration.repository.MoveRepository;
import org.liudong.migration.service.ArrivalRequest;
import org.liudong.migration.service.DepartureRequest;
import org.liudong.migration.service.MoveService;
import org.liudong.migration.service.VerificationService;
import org.liudong.platform.idempotency.IdempotentRequests;
import org.liudong.platform.persistence.Listing;
import org.liudong.platform.security.Caller;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/migration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MoveResource {

    public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record RevokeRequest(@Size(max = 1000) String reason) {
    }

    public record ReturnRequest(LocalDate returnedOn) {
    }

    private final MoveService moves;
    private final VerificationService verifications;
    private final IdempotentRequests idempotency;

    public MoveResource(MoveService moves, VerificationService verifications, IdempotentRequests idempotency) {
        this.moves = moves;
        this.verifications = verifications;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/departures")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response depart(@NotNull @Valid DepartureRequest request,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/migration/departures", request,
                () -> created(moves.depart(request), MoveView::summary));
    }

    @POST
    @Path("/arrivals")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response arrive(@NotNull @Valid ArrivalRequest request,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/migration/arrivals", request,
                () -> created(moves.arrive(request), move -> MoveView.summary(move, verifications.ofMove(move.id))));
    }

    @GET
    @Path("/moves/{id}")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public Response read(@PathParam("id") UUID id) {
        MoveView view = MoveView.full(moves.read(id));
        return Response.ok(view).tag(Etags.of(view.version())).build();
    }

    @GET
    @Path("/moves")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public PageView<MoveView> list(@QueryParam("county") @NotNull @Pattern(regexp = "\\d{6}") String county,
                                   @QueryParam("direction") String direction,
                                   @QueryParam("status") String status,
                                   @QueryParam("from") String from,
                                   @QueryParam("to") String to,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        MoveRepository.Direction dir = QueryParams.enumOf(MoveRepository.Direction.class, direction, "direction");
        MoveStatus wanted = QueryParams.enumOf(MoveStatus.class, status, "status");
        Listing<Move> listing = moves.list(county, dir, wanted, QueryParams.date(from, "from"), QueryParams.date(to, "to"));
        return PageView.ofPage(listing, page, size, found -> {
            Map<UUID, List<MoveHistory>> history = moves.historyOf(found);
            return found.stream().map(move -> MoveView.listed(move, history.getOrDefault(move.id, List.of()))).toList();
        });
    }

    @POST
    @Path("/moves/{id}/reject")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response reject(@PathParam("id") UUID id, @NotNull @Valid RejectRequest request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/migration/moves/" + id + "/reject", request,
                () -> ok(moves.reject(id, request.reason(), Etags.expected(ifMatch))));
    }

    @POST
    @Path("/moves/{id}/revoke")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response revoke(@PathParam("id") UUID id, @Valid RevokeRequest request,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        RevokeRequest body = request == null ? new RevokeRequest(null) : request;
        return idempotency.execute(idempotencyKey, "POST /api/migration/moves/" + id + "/revoke", body,
                () -> ok(moves.revoke(id, body.reason(), Etags.expected(ifMatch))));
    }

    @POST
    @Path("/moves/{id}/return")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response returnHome(@PathParam("id") UUID id, @Valid ReturnRequest request,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        ReturnRequest body = request == null ? new ReturnRequest(null) : request;
        return idempotency.execute(idempotencyKey, "POST /api/migration/moves/" + id + "/return", body,
                () -> ok(moves.returnHome(id, body.returnedOn(), Etags.expected(ifMatch))));
    }

    @POST
    @Path("/moves/{id}/residence/renew")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response renewResidence(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/migration/moves/" + id + "/residence/renew", id,
                () -> ok(moves.renewResidence(id, Etags.expected(ifMatch))));
    }

    private static Response created(Move move, java.util.function.Function<Move, MoveView> view) {
        return Response.created(URI.create("/api/migration/moves/" + move.id))
                .entity(view.apply(move)).tag(Etags.of(move.version)).build();
    }

    private static Response ok(Move move) {
        return Response.ok(MoveView.summary(move)).tag(Etags.of(move.version)).build();
    }
}
