package org.liudong.assessment.rest;

import io.quarkus.security.Authenticated;
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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Origin → destination moves of a month touching the jurisdiction; level 2, 4 or 6 digits")
    public FlowService.Flows get(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("period") String period,
                                 @QueryParam("level") Integer level) {
        return matrix(jurisdiction, period, level);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The same flows as CSV")
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
