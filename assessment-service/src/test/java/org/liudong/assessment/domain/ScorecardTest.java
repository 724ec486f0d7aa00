package org.liudong.assessment.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The score: the weight of the passed indicators as a share of the weight of those with data, 0 to 100. */
class ScorecardTest {

    private final Map<Indicator, Double> values = new EnumMap<>(Indicator.class);
    private final Map<Indicator, Indicator.Target> targets = new EnumMap<>(Indicator.class);

    @Test
    void withNoDataThereIsNoScoreAndNoIndicatorIsJudged() {
        Scorecard card = judge();

        assertThat(card.score()).isNull();
        assertThat(card.indicators()).hasSize(Indicator.values().length)
                .allSatisfy(line -> assertThat(line.noData()).isTrue())
                .allSatisfy(line -> assertThat(line.passed()).isNull());
    }

    @Test
    void onlyIndicatorsWithDataAreWeighed() {
        values.put(Indicator.NOTIFICATION_TIMELINESS, 0.95); // passes 0.9, weight 20
        values.put(Indicator.ARRIVAL_MATCH_RATE, 0.5); // fails 0.8, weight 20

        Scorecard card = judge();

        assertThat(card.score()).isEqualTo(50.0);
        assertThat(card.line(Indicator.NOTIFICATION_TIMELINESS).passed()).isTrue();
        assertThat(card.line(Indicator.ARRIVAL_MATCH_RATE).passed()).isFalse();
        assertThat(card.line(Indicator.RECORD_QUALITY).passed()).isNull();
    }

    @Test
    void countsPassAtOrBelowTheirTargetAndTheScoreIsRoundedToATenth() {
        values.put(Indicator.NOTIFICATION_TIMELINESS, 0.5); // fails, 20
        values.put(Indicator.ARRIVAL_MATCH_RATE, 0.5); // fails, 20
        values.put(Indicator.OVERDUE_VERIFICATIONS, 0.0); // passes at most 0, 10
        values.put(Indicator.LAPSED_MOVES, 0.0); // 10
        values.put(Indicator.DISPUTED_MOVES, 0.0); // 5
        values.put(Indicator.SUSPECTED_DUPLICATES, 0.0); // 5

        assertThat(judge().score()).as("30 of 70").isEqualTo(42.9);

        values.put(Indicator.SUSPECTED_DUPLICATES, 1.0);
        assertThat(judge().score()).as("25 of 70").isEqualTo(35.7);
    }

    @Test
    void aTargetSetForTheJurisdictionReplacesTheDefaultAndItsWeight() {
        values.put(Indicator.NOTIFICATION_TIMELINESS, 0.5);
        values.put(Indicator.ARRIVAL_MATCH_RATE, 0.5);
        targets.put(Indicator.ARRIVAL_MATCH_RATE, new Indicator.Target(Indicator.ARRIVAL_MATCH_RATE, "6208", 0.4,
                Indicator.Direction.AT_LEAST, 60, 1));

        Scorecard card = judge();

        assertThat(card.score()).as("60 of 80").isEqualTo(75.0);
        assertThat(card.line(Indicator.ARRIVAL_MATCH_RATE).target()).isEqualTo(0.4);
        assertThat(card.line(Indicator.ARRIVAL_MATCH_RATE).weight()).isEqualTo(60);
    }

    private Scorecard judge() {
        return Scorecard.judge("620821", "2026-11", values, targets);
    }
}
