package org.liudong.assessment.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liudong.assessment.security.AssessmentAccess;
import org.liudong.assessment.service.CountyIndicators;
import org.liudong.assessment.service.IndicatorService;

@Path("/api/assessment/counties/{code}/indicators")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorService indicators;
    private final AssessmentAccess access;

    public IndicatorResource(IndicatorService indicators, AssessmentAccess access) {
        this.indicators = indicators;
        this.access = access;
    }

    @GET
    @Operation(summary = "A county's indicators for a month (default: the current month)")
    public CountyIndicators get(@PathParam("code") String code, @QueryParam("period") String period) {
        String county = Params.county("code", code);
        access.requireReadCounty(county);
        return indicators.compute(county, Params.period(period, indicators::currentPeriod, indicators::rollingPeriod));
    }
}
