package org.liudong.assessment.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liudong.assessment.domain.Finding;
import org.liudong.assessment.security.AssessmentAccess;
import org.liudong.assessment.service.FindingService;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("/api/assessment/counties/{code}/findings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    private final FindingService findings;
    private final AssessmentAccess access;

    public FindingResource(FindingService findings, AssessmentAccess access) {
        this.findings = findings;
        this.access = access;
    }

    @GET
    @Operation(summary = "A county's data-quality findings as they stand today: the records behind record quality and"
            + " suspected duplicates; kind may repeat")
    public FindingService.Findings get(@PathParam("code") String code, @QueryParam("kind") List<String> kind,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String county = Params.county("code", code);
        access.requireReadFindings(county);
        return findings.page(county, kinds(kind), page, size);
    }

    private static Set<Finding.Kind> kinds(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(Finding.Kind.class);
        }
        Set<Finding.Kind> kinds = EnumSet.noneOf(Finding.Kind.class);
        for (String name : names) {
            try {
                kinds.add(Finding.Kind.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown kind of finding " + name, new FieldError("kind",
                        "must be one of " + EnumSet.allOf(Finding.Kind.class)));
            }
        }
        return kinds;
    }
}
