package org.liudong.assessment.service;

import org.liudong.assessment.domain.Ratio;

import java.util.List;
import java.util.Map;

/**
 * A county's figures for one month. {@code indicators} holds every figure by name; a share with a zero
 * denominator is null there and listed in {@code noData}. {@code ratios} shows each share's counts,
 * {@code breakdowns} the counts by sex, age band, reason and status. Never anything about a single person.
 */
public record CountyIndicators(String county, String period, Map<String, Object> indicators, List<String> noData,
                               Map<String, RatioView> ratios, Map<String, Map<String, Long>> breakdowns) {

    public record RatioView(long numerator, long denominator, Double value, boolean noData) {

        public static RatioView of(Ratio ratio) {
            return new RatioView(ratio.numerator(), ratio.denominator(), ratio.value(), ratio.noData());
        }
    }

    /** The value of an indicator as a number, null when there is no data. */
    public Double value(String indicator) {
        Object value = indicators.get(indicator);
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
