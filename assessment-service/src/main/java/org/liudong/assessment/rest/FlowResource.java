package org.liudong.assessment.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liudong.assessment.security.AssessmentAccess;
import org.liudong.assessment.service.FlowService;
import org.liudong.assessment.service.IndicatorService;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

import java.util.List;

@Path("/api/assessment/flows")
@Authenticated
public class FlowResource {

    private final FlowService flows;
    private final IndicatorService indicators;
    private final AssessmentAccess access;

    public FlowResource(FlowService flows, IndicatorService indicators, AssessmentAccess access) {
        this.flows = flows;
        this.indicators = indicators;
        this.access = access;
    }

    /** A page of the flows, the largest first; {@code page} counts from 0, {@code total} is the number of pairs. */
    public record FlowsPage(String jurisdiction, String period, int level, List<FlowService.Flow> flows, int page,
                            int size, int total) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Origin → destination moves of a month touching the jurisdiction; level 2, 4 or 6 digits;"
            + " the largest first, a page at a time")
    public FlowsPage get(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("period") String period,
                         @QueryParam("level") Integer level,
                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                         @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        FlowService.Flows matrix = matrix(jurisdiction, period, level);
        return new FlowsPage(matrix.jurisdiction(), matrix.period(), matrix.level(),
                Params.page(matrix.flows(), page, size), page, size, matrix.flows().size());
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "All the flows as CSV")
    public String getAsCsv(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("period") String period,
                           @QueryParam("level") Integer level) {
        return Csv.flows(matrix(jurisdiction, period, level));
    }

    private FlowService.Flows matrix(String jurisdiction, String period, Integer level) {
        String scope = Params.jurisdiction("jurisdiction", jurisdiction);
        int digits = level == null ? 6 : level;
        if (digits != 2 && digits != 4 && digits != 6) {
            throw ProblemException.badRequest("level is 2 (province), 4 (prefecture) or 6 (county)",
                    new FieldError("level", "must be 2, 4 or 6"));
        }
        access.requireReadJurisdiction(scope);
        return flows.flows(scope, Params.period(period, indicators::currentPeriod, indicators::rollingPeriod), digits);
    }
}
