package org.liudong.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.liudong.platform.idempotency.IdempotentRequests;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;
import org.liudong.platform.versions.Versions;
import org.liudong.registry.service.HouseholdService;
import org.liudong.registry.service.PersonService;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

/** Households: register with members, read, and the membership changes a county clerk makes. */
@Path("/api/registry/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    private static final String BASE = "/api/registry/households";

    private final HouseholdService households;
    private final PersonService persons;
    private final IdempotentRequests idempotency;
    private final Validator validator;

    public HouseholdResource(HouseholdService households, PersonService persons, IdempotentRequests idempotency,
                             Validator validator) {
        this.households = households;
        this.persons = persons;
        this.idempotency = idempotency;
        this.validator = validator;
    }

    @POST
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String key,
                             @Valid @NotNull HouseholdRequest request, UriInfo uri) {
        return idempotency.execute(key, "POST " + BASE, request,
                () -> created(uri, BASE, households.register(request)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public Response get(@PathParam("id") UUID id) {
        HouseholdView household = households.find(id).orElseThrow(() -> ProblemException.notFound("Household " + id));
        return Response.ok(household).tag(Versions.tag(household.version())).build();
    }

    /**
     * Adds a member: a registered person of this county ({@code personId}; moved from their current household if
     * they have one) → 200 with the household, or a new person (person fields) → 201 with the household and the
     * new person's {@code Location}.
     */
    @POST
    @Path("{id}/members")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response addMember(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull MemberRequest request,
                              UriInfo uri) {
        if (request.isNewPerson()) {
            Set<ConstraintViolation<PersonInput>> violations = validator.validate(request.person());
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return idempotency.execute(key, "POST " + BASE + "/" + id + "/members", request, () -> {
            if (!request.isNewPerson()) {
                return ok(households.addMember(id, request, ifMatch));
            }
            PersonView person = persons.register(id, request.person());
            HouseholdView household = households.find(id).orElseThrow();
            return Response.created(uri.getBaseUriBuilder().path("/api/registry/persons").path(person.id()).build())
                    .entity(household).tag(Versions.tag(household.version())).build();
        });
    }

    @POST
    @Path("{id}/head")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response changeHead(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull HeadChangeRequest request) {
        return idempotency.execute(key, "POST " + BASE + "/" + id + "/head", request,
                () -> ok(households.changeHead(id, request, ifMatch)));
    }

    /** Answers the new household. */
    @POST
    @Path("{id}/split")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response split(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SplitRequest request,
                          UriInfo uri) {
        return idempotency.execute(key, "POST " + BASE + "/" + id + "/split", request,
                () -> created(uri, BASE, households.split(id, request, ifMatch)));
    }

    @POST
    @Path("{id}/dissolve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response dissolve(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return idempotency.execute(key, "POST " + BASE + "/" + id + "/dissolve", id,
                () -> ok(households.dissolve(id, ifMatch)));
    }

    /** A birth into this household; answers the new person. */
    @POST
    @Path("{id}/births")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response registerBirth(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                                  @Valid @NotNull PersonInput child, UriInfo uri) {
        return idempotency.execute(key, "POST " + BASE + "/" + id + "/births", child,
                () -> PersonResource.created(uri, persons.registerBirth(id, child)));
    }

    /** Corrects the address; If-Match with the household's ETag is required. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public Response correctAddress(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull AddressCorrection request) {
        return ok(households.correctAddress(id, request.address(), ifMatch));
    }

    private static Response ok(HouseholdView household) {
        return Response.ok(household).tag(Versions.tag(household.version())).build();
    }

    private static Response created(UriInfo uri, String base, HouseholdView household) {
        URI location = uri.getBaseUriBuilder().path(base).path(household.id()).build();
        return Response.created(location).entity(household).tag(Versions.tag(household.version())).build();
    }
}
