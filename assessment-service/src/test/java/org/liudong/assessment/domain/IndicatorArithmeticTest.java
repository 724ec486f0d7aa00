package org.liudong.assessment.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liudong.assessment.domain.IndicatorArithmetic.AnnouncedMove;
import org.liudong.assessment.domain.IndicatorArithmetic.Departure;
import org.liudong.assessment.domain.IndicatorArithmetic.Request;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.assessment.domain.IndicatorArithmetic.ageBand;
import static org.liudong.assessment.domain.IndicatorArithmetic.arrivalMatchRate;
import static org.liudong.assessment.domain.IndicatorArithmetic.notificationTimeliness;
import static org.liudong.assessment.domain.IndicatorArithmetic.openRequests;
import static org.liudong.assessment.domain.IndicatorArithmetic.overdueRequests;
import static org.liudong.assessment.domain.IndicatorArithmetic.recordQuality;
import static org.liudong.assessment.domain.IndicatorArithmetic.verificationReplyTimeliness;

class IndicatorArithmeticTest {

    private static final Period MARCH = Period.parse("2026-03").orElseThrow();
    private static final LocalDate LATER = LocalDate.parse("2026-09-01");

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void notificationTimelinessCountsDeparturesRegisteredWithinTheWindow() {
        Ratio ratio = notificationTimeliness(List.of(
                new Departure(day("2026-03-02"), day("2026-03-09")),   // 7 days: timely
                new Departure(day("2026-03-02"), day("2026-03-10")),   // 8 days: late
                new Departure(day("2026-03-05"), null)), MARCH, 7);    // not registered: late
        assertThat(ratio).isEqualTo(new Ratio(1, 3));
        assertThat(ratio.value()).isEqualTo(0.3333);
    }

    @Test
    void notificationTimelinessWithNoDeparturesIsNoDataNotZeroOrFull() {
        Ratio ratio = notificationTimeliness(List.of(), MARCH, 7);
        assertThat(ratio.noData()).isTrue();
        assertThat(ratio.value()).isNull();
    }

    @Test
    void departureOnTheLastDayOfTheMonthRegisteredNextMonthBelongsToTheMonthItLeftIn() {
        List<Departure> departures = List.of(new Departure(day("2026-03-31"), day("2026-04-03")));
        assertThat(notificationTimeliness(departures, MARCH, 7)).isEqualTo(new Ratio(1, 1));
        assertThat(notificationTimeliness(departures, MARCH.next(), 7).noData()).isTrue();
    }

    @Test
    void departureOnTheFirstDayOfTheNextMonthIsNotInThePeriod() {
        List<Departure> departures = List.of(new Departure(day("2026-04-01"), day("2026-04-01")));
        assertThat(notificationTimeliness(departures, MARCH, 7).noData()).isTrue();
    }

    @Test
    void arrivalMatchRateCountsSettledInTimeAgainstDeparturesWhoseDeadlinePassed() {
        Ratio ratio = arrivalMatchRate(List.of(
                new AnnouncedMove(day("2026-03-01"), day("2026-03-31")),   // 30 days: matched
                new AnnouncedMove(day("2026-03-01"), day("2026-04-01")),   // 31 days: late
                new AnnouncedMove(day("2026-03-01"), null)), MARCH, 30, LATER);
        assertThat(ratio).isEqualTo(new Ratio(1, 3));
    }

    @Test
    void arrivalStillWithinItsDeadlineIsNotCountedYet() {
        List<AnnouncedMove> moves = List.of(new AnnouncedMove(day("2026-03-20"), null));
        assertThat(arrivalMatchRate(moves, MARCH, 30, day("2026-04-10")).noData()).isTrue();
        assertThat(arrivalMatchRate(moves, MARCH, 30, day("2026-04-20"))).isEqualTo(new Ratio(0, 1));
    }

    @Test
    void departureLateInTheMonthSettledEarlyNextMonthCountsForTheMonthItLeftIn() {
        List<AnnouncedMove> moves = List.of(new AnnouncedMove(day("2026-03-31"), day("2026-04-02")));
        assertThat(arrivalMatchRate(moves, MARCH, 30, day("2026-04-03"))).isEqualTo(new Ratio(1, 1));
    }

    @Test
    void arrivalMatchRateWithNoAnnouncedDeparturesIsNoData() {
        assertThat(arrivalMatchRate(List.of(), MARCH, 30, LATER).value()).isNull();
    }

    @Test
    void verificationReplyTimelinessCountsAnswersByTheDueDate() {
        Ratio ratio = verificationReplyTimeliness(List.of(
                new Request(day("2026-03-01"), day("2026-03-16"), day("2026-03-16")),   // on the due day: timely
                new Request(day("2026-03-01"), day("2026-03-16"), day("2026-03-17")),   // a day late
                new Request(day("2026-03-01"), day("2026-03-20"), null),               // never answered
                new Request(day("2026-02-01"), day("2026-02-20"), day("2026-02-10"))), // due in February
                MARCH, LATER);
        assertThat(ratio).isEqualTo(new Ratio(1, 3));
    }

    @Test
    void unansweredRequestNotYetDueIsNotCounted() {
        List<Request> requests = List.of(new Request(day("2026-03-10"), day("2026-03-25"), null));
        assertThat(verificationReplyTimeliness(requests, MARCH, day("2026-03-20")).noData()).isTrue();
        assertThat(verificationReplyTimeliness(requests, MARCH, day("2026-03-26"))).isEqualTo(new Ratio(0, 1));
    }

    @Test
    void openAndOverdueAreJudgedOnTheLastDayOfAFinishedMonth() {
        List<Request> requests = List.of(
                new Request(day("2026-03-01"), day("2026-03-10"), null),                // overdue at month end
                new Request(day("2026-03-20"), day("2026-04-05"), null),                // open, not yet due
                new Request(day("2026-03-02"), day("2026-03-15"), day("2026-04-02")),   // answered after March
                new Request(day("2026-03-02"), day("2026-03-15"), day("2026-03-14")),   // answered in time
                new Request(day("2026-04-01"), day("2026-04-15"), null));              // made in April
        assertThat(openRequests(requests, MARCH, LATER)).isEqualTo(3);
        assertThat(overdueRequests(requests, MARCH, LATER)).isEqualTo(2);
    }

    @Test
    void openRequestsOfTheRunningMonthAreJudgedToday() {
        List<Request> requests = List.of(new Request(day("2026-03-01"), day("2026-03-10"), null));
        assertThat(overdueRequests(requests, MARCH, day("2026-03-10"))).isZero();
        assertThat(overdueRequests(requests, MARCH, day("2026-03-11"))).isEqualTo(1);
    }

    @Test
    void recordQualityWithNoRecordsIsNoData() {
        assertThat(recordQuality(0, 0).noData()).isTrue();
        assertThat(recordQuality(19, 20).value()).isEqualTo(0.95);
    }

    @ParameterizedTest
    @CsvSource({"2026,0-14", "2012,0-14", "2011,15-24", "2002,15-24", "2001,25-34", "1992,25-34", "1991,35-44", "1982,35-44",
            "1981,45-59", "1967,45-59", "1966,60+", "1900,60+", "2027,unknown"})
    void ageBandFollowsTheAgeReachedInTheYear(int birthYear, String band) {
        assertThat(ageBand(birthYear, 2026)).isEqualTo(band);
    }

    @Test
    void unknownBirthYearHasItsOwnBand() {
        assertThat(ageBand(null, 2026)).isEqualTo("unknown");
    }

    @Test
    void groupedMovesCountAsManyAsTheyStandFor() {
        assertThat(notificationTimeliness(List.of(
                new Departure(day("2026-03-02"), day("2026-03-09"), 40),
                new Departure(day("2026-03-02"), null, 10)), MARCH, 7)).isEqualTo(new Ratio(40, 50));
        assertThat(arrivalMatchRate(List.of(
                new AnnouncedMove(day("2026-03-01"), day("2026-03-02"), 3),
                new AnnouncedMove(day("2026-03-01"), null, 5),
                new AnnouncedMove(day("2026-03-31"), null, 7)), MARCH, 30, day("2026-04-15")))
                .isEqualTo(new Ratio(3, 8));   // the 31st's deadline has not passed: not yet due
    }

    @Test
    void aRunOfMonthsCountsEveryDepartureInIt() {
        Period quarter = Period.parse("2026-01/2026-03").orElseThrow();
        List<Departure> departures = List.of(new Departure(day("2026-01-01"), day("2026-01-02")),
                new Departure(day("2026-03-31"), day("2026-04-15")),
                new Departure(day("2025-12-31"), day("2026-01-01")));
        assertThat(notificationTimeliness(departures, quarter, 7)).isEqualTo(new Ratio(1, 2));
    }
}
