package org.liudong.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A county's indicators judged against their targets. The score is the weight of the passed indicators as a
 * share of the weight of the indicators that have data, 0 to 100; with no data at all there is no score.
 */
public record Scorecard(String county, String period, Double score, List<Line> indicators) {

    public record Line(String indicator, Double value, boolean noData, double target, Indicator.Direction direction,
                       int weight, Boolean passed) {
    }

    public static Scorecard judge(String county, String period, Map<Indicator, Double> values,
                                  Map<Indicator, Indicator.Target> targets) {
        List<Line> lines = new ArrayList<>();
        int weighed = 0;
        int earned = 0;
        for (Indicator indicator : Indicator.values()) {
            Indicator.Target target = targets.getOrDefault(indicator, indicator.defaultTarget());
            Double value = values.get(indicator);
            Boolean passed = target.passes(value);
            if (passed != null) {
                weighed += target.weight();
                earned += passed ? target.weight() : 0;
            }
            lines.add(new Line(indicator.key(), value, value == null, target.value(), target.direction(),
                    target.weight(), passed));
        }
        Double score = weighed == 0 ? null : Math.round(1000.0 * earned / weighed) / 10.0;
        return new Scorecard(county, period, score, lines);
    }

    public Line line(Indicator indicator) {
        return indicators.stream().filter(l -> l.indicator().equals(indicator.key())).findFirst().orElseThrow();
    }
}
