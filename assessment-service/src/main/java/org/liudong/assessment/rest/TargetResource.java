package org.liudong.assessment.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liudong.assessment.domain.Indicator;
import org.liudong.assessment.security.AssessmentAccess;
import org.liudong.assessment.service.TargetService;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.versions.Versions;

import java.util.Collection;

@Path("/api/assessment/targets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    /**
     * A target. {@code jurisdiction} defaults to the caller's own; admins may leave it empty ("") to change the
     * default for everyone.
     */
    public record TargetRequest(@Pattern(regexp = "|\\d{2}|\\d{4}|\\d{6}", message = "must be a division code of 2, 4 or 6 digits")
                                String jurisdiction,
                                @NotNull Double value,
                                @NotNull Indicator.Direction direction,
                                @NotNull @Min(0) @Max(100) Integer weight) {
    }

    private final TargetService targets;
    private final AssessmentAccess access;

    public TargetResource(TargetService targets, AssessmentAccess access) {
        this.targets = targets;
        this.access = access;
    }

    @PUT
    @Path("/{indicator}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the target of an indicator for a jurisdiction (supervisors for their own, admins);"
            + " If-Match with the version read (0 while the default applies) refuses a stale change with 412")
    public Response set(@PathParam("indicator") String indicator, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @NotNull @Valid TargetRequest request) {
        Indicator which = Indicator.byKey(indicator).orElseThrow(() -> ProblemException.notFound("Indicator " + indicator));
        String jurisdiction = request.jurisdiction() != null ? request.jurisdiction() : access.ownJurisdiction();
        access.requireSetTarget(jurisdiction);
        if (request.value() < 0 || (request.value() > 1 && which.isShare())) {
            throw ProblemException.badRequest("A share's target lies between 0 and 1",
                    new FieldError("value", "must be between 0 and 1 for " + which.key()));
        }
        Indicator.Target target = targets.set(which, jurisdiction, request.value(), request.direction(),
                request.weight(), access.name(), ifMatch);
        return Response.ok(target).tag(Versions.tag(target.version())).build();
    }

    @GET
    @Operation(summary = "The targets that apply in a jurisdiction (set or default)")
    public Collection<Indicator.Target> get(@QueryParam("jurisdiction") String jurisdiction) {
        String scope = Params.jurisdiction("jurisdiction", jurisdiction);
        access.requireReadJurisdiction(scope);
        return targets.effectiveFor(scope).values();
    }
}
