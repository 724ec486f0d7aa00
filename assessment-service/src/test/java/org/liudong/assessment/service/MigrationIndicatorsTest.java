package org.liudong.assessment.service;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.support.Kafka;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.liudong.assessment.support.Api.indicators;
import static org.liudong.assessment.support.SampleEvents.arrival;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.freshMonth;
import static org.liudong.assessment.support.SampleEvents.move;
import static org.liudong.assessment.support.SampleEvents.noon;
import static org.liudong.assessment.support.SampleEvents.verification;

/** Indicators from real migration events on Kafka, for a past month no other test uses. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class MigrationIndicatorsTest {

    private static final String MIGRATION = "migration.events";

    private YearMonth month;
    private String origin;
    private String destination;

    @BeforeEach
    void freshCounties() {
        month = freshMonth();
        origin = freshCounty();
        destination = freshCounty();
    }

    private LocalDate day(int dayOfMonth) {
        return month.atDay(dayOfMonth);
    }

    @Test
    void departuresArrivalsAndVerificationsGiveBothCountiesTheirShares() {
        UUID timely = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Kafka.publish(MIGRATION, departure(timely, person, origin, destination, day(2), day(5), noon(day(5))));
        Kafka.publish(MIGRATION, arrival(timely, person, origin, destination, day(9), true, noon(day(10))));
        Kafka.publish(MIGRATION, departure(late, other, origin, destination, day(3), day(20), noon(day(20))));
        UUID request = UUID.randomUUID();
        Kafka.publish(MIGRATION, verification("verification-requested", request, destination, origin, late, day(25),
                noon(day(10))));
        Kafka.publish(MIGRATION, verification("verification-answered", request, destination, origin, late, day(25),
                noon(day(12))));

        // a share still missing reads as null, which getDouble cannot unbox: keep waiting through that too
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertOriginFigures(indicators(origin, month));
            assertDestinationFigures(indicators(destination, month));
        });
    }

    private static void assertOriginFigures(JsonPath out) {
        assertThat(out.getLong("indicators.outflow")).isEqualTo(2);
        assertThat(out.getDouble("indicators.notificationTimeliness")).isEqualTo(0.5);
        // the late departure was never settled and its 30 days have passed: one matched of two due
        assertThat(out.getDouble("indicators.arrivalMatchRate")).isEqualTo(0.5);
        assertThat(out.getDouble("indicators.verificationReplyTimeliness")).isEqualTo(1.0);
        assertThat(out.getLong("indicators.activeMigrantsOut")).isEqualTo(2);
        assertThat(out.getMap("breakdowns.outflowByReason")).containsEntry("WORK", 2);
        assertThat(out.getMap("breakdowns.outflowBySex")).containsEntry("M", 2);
        assertThat(out.getMap("breakdowns.outflowByAgeBand")).hasSize(1);
    }

    private static void assertDestinationFigures(JsonPath in) {
        assertThat(in.getLong("indicators.inflow")).isEqualTo(1);
        assertThat(in.getLong("indicators.activeMigrantsIn")).isEqualTo(2);
        assertThat(in.getDouble("indicators.arrivalMatchRate")).isEqualTo(0.5);
        assertThat(in.getMap("breakdowns.movesByStatus")).containsEntry("SETTLED", 1).containsEntry("ANNOUNCED", 1);
        assertThat(in.getMap("breakdowns.movesByReason")).containsExactly(entry("WORK", 2));
        assertThat(in.getMap("breakdowns.inflowByReason")).containsExactly(entry("WORK", 1));
        assertThat(in.getMap("breakdowns.inflowBySex")).containsExactly(entry("M", 1));
    }

    @Test
    void unansweredRequestsAreOpenAndOverdueOnceTheirDueDatePassed() {
        Kafka.publish(MIGRATION, verification("verification-requested", UUID.randomUUID(), destination, origin,
                UUID.randomUUID(), day(10), noon(day(5))));
        Kafka.publish(MIGRATION, verification("verification-requested", UUID.randomUUID(), destination, origin,
                UUID.randomUUID(), month.plusMonths(1).atDay(10), noon(day(20))));
        UUID answered = UUID.randomUUID();
        UUID move = UUID.randomUUID();
        Kafka.publish(MIGRATION, verification("verification-requested", answered, destination, origin, move, day(25),
                noon(day(6))));
        Kafka.publish(MIGRATION, verification("verification-answered", answered, destination, origin, move, day(25),
                noon(day(8))));

        // judged on the month's last day: two still open, one of them past its due date
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath figures = indicators(origin, month);
            assertThat(figures.getLong("indicators.openVerifications")).isEqualTo(2);
            assertThat(figures.getLong("indicators.overdueVerifications")).isEqualTo(1);
        });
        assertThat(indicators(destination, month).getLong("indicators.openVerifications")).isZero();
    }

    @Test
    void zeroDenominatorsAreNoDataNotZeroOrFull() {
        JsonPath empty = indicators(origin, month);
        assertThat(empty.getMap("indicators")).containsEntry("notificationTimeliness", null)
                .containsEntry("arrivalMatchRate", null).containsEntry("verificationReplyTimeliness", null)
                .containsEntry("recordQuality", null).containsEntry("outflow", 0);
        assertThat(empty.getList("noData", String.class)).containsExactlyInAnyOrder("notificationTimeliness",
                "arrivalMatchRate", "verificationReplyTimeliness", "recordQuality");
        assertThat(empty.getBoolean("ratios.arrivalMatchRate.noData")).isTrue();
    }

    @Test
    void lapsedAndDisputedMovesCountAgainstBothEnds() {
        UUID lapsed = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        Kafka.publish(MIGRATION, departure(lapsed, person, origin, destination, day(1), day(1), noon(day(1))));
        Kafka.publish(MIGRATION, move("move-lapsed", lapsed, person, origin, destination, "LAPSED", noon(day(28))));
        Kafka.publish(MIGRATION, departure(rejected, person, origin, destination, day(2), day(2), noon(day(2))));
        Kafka.publish(MIGRATION, move("move-rejected", rejected, person, origin, destination, "REJECTED",
                noon(day(4))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String county : new String[]{origin, destination}) {
                JsonPath figures = indicators(county, month);
                assertThat(figures.getLong("indicators.lapsedMoves")).isEqualTo(1);
                assertThat(figures.getLong("indicators.disputedMoves")).isEqualTo(1);
            }
        });
    }

    @Test
    void twoMovesUnderWayForOnePersonAreSuspectedDuplicates() {
        UUID person = UUID.randomUUID();
        String third = freshCounty();
        Kafka.publish(MIGRATION, departure(UUID.randomUUID(), person, origin, destination, day(2), day(2), noon(day(2))));
        Kafka.publish(MIGRATION, departure(UUID.randomUUID(), person, origin, third, day(3), day(3), noon(day(3))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(indicators(origin, month).getLong("indicators.suspectedDuplicates")).isEqualTo(1);
            assertThat(indicators(third, month).getLong("indicators.suspectedDuplicates")).isEqualTo(1);
        });
    }

    @Test
    void aMoveUnderWayBesideOneThatEndedIsNoSuspectedDuplicate() {
        UUID person = UUID.randomUUID();
        UUID lapsed = UUID.randomUUID();
        Kafka.publish(MIGRATION, departure(lapsed, person, origin, destination, day(1), day(1), noon(day(1))));
        Kafka.publish(MIGRATION, move("move-lapsed", lapsed, person, origin, destination, "LAPSED", noon(day(10))));
        Kafka.publish(MIGRATION, departure(UUID.randomUUID(), person, origin, destination, day(12), day(12),
                noon(day(12))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath figures = indicators(origin, month);
            assertThat(figures.getLong("indicators.outflow")).isEqualTo(2);
            assertThat(figures.getLong("indicators.lapsedMoves")).isEqualTo(1);
            assertThat(figures.getLong("indicators.suspectedDuplicates")).isZero();
        });
    }

    @Test
    void aRunOfMonthsAddsUpItsMonths() {
        Kafka.publish(MIGRATION, departure(UUID.randomUUID(), UUID.randomUUID(), origin, destination, day(5), day(5),
                noon(day(5))));
        LocalDate nextMonth = month.plusMonths(1).atDay(5);
        Kafka.publish(MIGRATION, departure(UUID.randomUUID(), UUID.randomUUID(), origin, destination, nextMonth,
                nextMonth, noon(nextMonth)));
        String run = month + "/" + month.plusMonths(1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(indicators(origin, month).getLong("indicators.outflow")).isEqualTo(1);
            assertThat(org.liudong.assessment.support.Api.as("admin").queryParam("period", run)
                    .get("/api/assessment/counties/{code}/indicators", origin).then().statusCode(200)
                    .extract().jsonPath().getLong("indicators.outflow")).isEqualTo(2);
        });
    }
}
