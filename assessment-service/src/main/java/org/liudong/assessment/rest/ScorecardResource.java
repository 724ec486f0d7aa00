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
import org.liudong.assessment.service.IndicatorService;
import org.liudong.assessment.service.ScorecardService;

import java.util.List;

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

    /** A page of the ranking; {@code page} counts from 0, {@code total} is the number of counties ranked. */
    public record RankingPage(String jurisdiction, String period, List<ScorecardService.Ranked> counties, int page,
                              int size, int total) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scorecards of a jurisdiction's counties for a month, ranked by score, a page at a time")
    public RankingPage rank(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("period") String period,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        ScorecardService.Ranking ranking = ranking(jurisdiction, period);
        return new RankingPage(ranking.jurisdiction(), ranking.period(), Params.page(ranking.counties(), page, size),
                page, size, ranking.counties().size());
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The whole ranking as CSV, one row per county and indicator")
    public String rankAsCsv(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("period") String period) {
        return Csv.scorecards(ranking(jurisdiction, period));
    }

    private ScorecardService.Ranking ranking(String jurisdiction, String period) {
        String scope = Params.jurisdiction("jurisdiction", jurisdiction);
        access.requireReadJurisdiction(scope);
        return scorecards.rank(scope, Params.period(period, indicators::currentPeriod, indicators::rollingPeriod));
    }
}
