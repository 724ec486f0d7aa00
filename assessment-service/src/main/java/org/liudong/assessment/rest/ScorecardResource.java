package org.liudong.assessment.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liudong.assessment.security.AssessmentAccess;
import org.liudong.assessment.service.IndicatorService;
import org.liudong.assessment.service.ScorecardService;

@Path("/api/assessment/scorecards")
@Authenticated
public class ScorecardResource {

    private final ScorecardService scorecards;
    private final IndicatorService indicators;
    private final AssessmentAccess access;

    public ScorecardResource(ScorecardService scorecards, IndicatorService indicators, AssessmentAccess access) {
        this.scorecards = scorecards;
        this.indicators = indicators;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scorecards of a jurisdiction's counties for a month, ranked by score")
    public ScorecardService.Ranking rank(@QueryParam("jurisdiction") String jurisdiction,
                                         @QueryParam("period") String period) {
        return ranking(jurisdiction, period);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The same ranking as CSV, one row per county and indicator")
    public String rankAsCsv(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("period") String period) {
        return Csv.scorecards(ranking(jurisdiction, period));
    }

    private ScorecardService.Ranking ranking(String jurisdiction, String period) {
        String scope = Params.jurisdiction("jurisdiction", jurisdiction);
        access.requireReadJurisdiction(scope);
        return scorecards.rank(scope, Params.period(period, indicators::currentPeriod, indicators::rollingPeriod));
    }
}
