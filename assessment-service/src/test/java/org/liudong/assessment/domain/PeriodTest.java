package org.liudong.assessment.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void parsesOnlyYearAndMonth() {
        assertThat(Period.parse("2026-03")).map(Period::toString).contains("2026-03");
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(Period.parse("2026-3")).isEmpty();
        assertThat(Period.parse("2026-03-01")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void monthContainsItsFirstAndLastDayButNotTheNextMonthsFirst() {
        Period february = Period.parse("2028-02").orElseThrow();
        assertThat(february.contains(LocalDate.parse("2028-02-01"))).isTrue();
        assertThat(february.contains(LocalDate.parse("2028-02-29"))).isTrue();
        assertThat(february.contains(LocalDate.parse("2028-03-01"))).isFalse();
        assertThat(february.contains(LocalDate.parse("2028-01-31"))).isFalse();
    }

    @Test
    void instantsBelongToTheMonthOfTheCountiesLocalDay() {
        // 16:30 UTC on 31 March is already 1 April in China
        assertThat(Period.of(Instant.parse("2026-03-31T16:30:00Z"), CHINA).toString()).isEqualTo("2026-04");
        assertThat(Period.of(Instant.parse("2026-03-31T15:59:59Z"), CHINA).toString()).isEqualTo("2026-03");
    }

    @Test
    void aRunningMonthIsJudgedTodayAndAFinishedOneOnItsLastDay() {
        Period march = Period.parse("2026-03").orElseThrow();
        assertThat(march.asOf(LocalDate.parse("2026-03-12"))).isEqualTo(LocalDate.parse("2026-03-12"));
        assertThat(march.asOf(LocalDate.parse("2026-05-02"))).isEqualTo(LocalDate.parse("2026-03-31"));
    }

    @Test
    void aRunOfMonthsSpansFromTheFirstDayOfItsFirstMonthToTheLastDayOfItsLast() {
        Period quarter = Period.parse("2025-11/2026-01").orElseThrow();
        assertThat(quarter.start()).isEqualTo(LocalDate.parse("2025-11-01"));
        assertThat(quarter.end()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(quarter.year()).isEqualTo(2026);
        assertThat(quarter.toString()).isEqualTo("2025-11/2026-01");
        assertThat(quarter.contains(LocalDate.parse("2025-12-31"))).isTrue();
    }

    @Test
    void runsEndingBeforeTheyStartOrLongerThanThreeYearsAreRefused() {
        assertThat(Period.parse("2026-03/2026-01")).isEmpty();
        assertThat(Period.parse("2020-01/2022-12")).isPresent();
        assertThat(Period.parse("2020-01/2023-01")).isEmpty();
    }

    @Test
    void rollingIsTheTwelveMonthsUpToTheCurrentOne() {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-03-15T00:00:00Z"), CHINA);
        assertThat(Period.rolling(clock).toString()).isEqualTo("2025-04/2026-03");
    }
}
