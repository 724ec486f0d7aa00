package org.liudong.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.liudong.platform.idempotency.IdempotentRequests;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;
import org.liudong.platform.versions.Versions;
import org.liudong.registry.config.RegistryConfig;
import org.liudong.registry.security.RegisterAccess;
import org.liudong.registry.service.PersonService;

import java.net.URI;
import java.util.UUID;

@Path("/api/registry/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonResource {

    private static final String BASE = "/api/registry/persons";

    private final PersonService persons;
    private final IdempotentRequests idempotency;
    private final RegisterAccess access;
    private final RegistryConfig config;

    public PersonResource(PersonService persons, IdempotentRequests idempotency, RegisterAccess access,
                          RegistryConfig config) {
        this.persons = persons;
        this.idempotency = idempotency;
        this.access = access;
        this.config = config;
    }

    /** A new person into an existing household. */
    @POST
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull PersonCreateBody body,
                             UriInfo uri) {
        return idempotency.execute(key, "POST " + BASE, body,
                () -> created(uri, persons.register(body.householdId(), body.person())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public Response get(@PathParam("id") UUID id) {
        PersonView person = persons.find(id).orElseThrow(() -> ProblemException.notFound("Person " + id));
        return ok(person);
    }

    /**
     * Search: {@code idNumber} (exact), or a {@code county} with a {@code name} prefix or a {@code householdNumber}.
     * Clerks and integrators may leave out the county: their own is meant. ID numbers are masked in the answer.
     */
    @GET
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public Page<PersonSummary> search(@QueryParam("idNumber") @Size(max = 18) String idNumber,
                                      @QueryParam("county") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit county code") String county,
                                      @QueryParam("name") @Size(max = 100) String name,
                                      @QueryParam("householdNumber") @Size(max = 32) String householdNumber,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @Min(1) @Max(1000) Integer size) {
        if (idNumber != null) {
            return persons.searchByIdNumber(idNumber);
        }
        String inCounty = county != null ? county : access.ownCounty().orElseThrow(() -> ProblemException.badRequest(
                "Search by idNumber, or by county with name or householdNumber",
                new FieldError("county", "is required")));
        int pageSize = Math.min(size == null ? config.pageSize() : size, config.maxPageSize());
        if (householdNumber != null) {
            return persons.searchByHouseholdNumber(inCounty, householdNumber, page, pageSize);
        }
        return persons.searchByCounty(inCounty, name, page, pageSize);
    }

    @POST
    @Path("{id}/death")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response registerDeath(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull DeathRequest request) {
        return idempotency.execute(key, "POST " + BASE + "/" + id + "/death", request,
                () -> ok(persons.registerDeath(id, request, ifMatch)));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CancellationRequest request) {
        return idempotency.execute(key, "POST " + BASE + "/" + id + "/cancellation", request,
                () -> ok(persons.cancel(id, request, ifMatch)));
    }

    /** Corrects name and/or phone; If-Match with the person's ETag is required (stale → 412). */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull CorrectionRequest request) {
        return ok(persons.correct(id, request, ifMatch));
    }

    static Response ok(PersonView person) {
        return Response.ok(person).tag(Versions.tag(person.version())).build();
    }

    static Response created(UriInfo uri, PersonView person) {
        URI location = uri.getBaseUriBuilder().path(BASE).path(person.id()).build();
        return Response.created(location).entity(person).tag(Versions.tag(person.version())).build();
    }
}
