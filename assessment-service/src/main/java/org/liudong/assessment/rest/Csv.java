package org.liudong.assessment.rest;

import org.liudong.assessment.domain.Scorecard;
import org.liudong.assessment.service.FlowService;
import org.liudong.assessment.service.ScorecardService;

import java.util.List;
import java.util.stream.Collectors;

/** Scorecards and flows as CSV (RFC 4180, header row) for spreadsheets. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static String scorecards(ScorecardService.Ranking ranking) {
        StringBuilder csv = new StringBuilder(
                "jurisdiction,period,rank,county,score,indicator,value,no_data,target,direction,weight,passed\r\n");
        for (ScorecardService.Ranked ranked : ranking.counties()) {
            Scorecard card = ranked.scorecard();
            for (Scorecard.Line line : card.indicators()) {
                row(csv, ranking.jurisdiction(), ranking.period(), ranked.rank(), card.county(), card.score(),
                        line.indicator(), line.value(), line.noData(), line.target(), line.direction(), line.weight(),
                        line.passed());
            }
        }
        return csv.toString();
    }

    static String flows(FlowService.Flows flows) {
        StringBuilder csv = new StringBuilder("jurisdiction,period,origin,destination,moves\r\n");
        for (FlowService.Flow flow : flows.flows()) {
            row(csv, flows.jurisdiction(), flows.period(), flow.origin(), flow.destination(), flow.moves());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Object... values) {
        csv.append(java.util.Arrays.stream(values).map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches("[^\",\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
