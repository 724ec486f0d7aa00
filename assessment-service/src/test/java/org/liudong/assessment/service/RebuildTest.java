package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.support.Kafka;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.assessment.support.Api.as;
import static org.liudong.assessment.support.Api.indicators;
import static org.liudong.assessment.support.Api.registeredPersons;
import static org.liudong.assessment.support.SampleEvents.arrival;
import static org.liudong.assessment.support.SampleEvents.deathRegistered;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.freshMonth;
import static org.liudong.assessment.support.SampleEvents.householdRegistered;
import static org.liudong.assessment.support.SampleEvents.move;
import static org.liudong.assessment.support.SampleEvents.idIndex;
import static org.liudong.assessment.support.SampleEvents.noon;
import static org.liudong.assessment.support.SampleEvents.person;
import static org.liudong.assessment.support.SampleEvents.personRegistered;
import static org.liudong.assessment.support.SampleEvents.verification;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class RebuildTest {

    private static final String REBUILDS = "/api/assessment/rebuilds";

    @Inject
    EntityManager entityManager;

    @Test
    void rebuildFromTheStartOfTheTopicsEqualsTheIncrementalProjectionAndLiveConsumptionGoesOn() {
        YearMonth month = freshMonth();
        String origin = freshCounty();
        String destination = freshCounty();
        publishHistory(month, origin, destination);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(indicators(origin, month).getLong("indicators.registeredPersons")).isEqualTo(1);
            assertThat(indicators(origin, month).getLong("indicators.lapsedMoves")).isEqualTo(1);
            assertThat(indicators(destination, month).getLong("indicators.suspectedDuplicates")).isEqualTo(2);
            assertThat(indicators(destination, month).getLong("indicators.inflow")).isEqualTo(1);
            assertThat(indicators(destination, month).getLong("ratios.verificationReplyTimeliness.denominator"))
                    .isEqualTo(1);
        });
        List<String> incremental = snapshot(origin, destination);
        List<String> indexes = indexes();
        String figuresBefore = indicators(origin, month).prettify() + indicators(destination, month).prettify();

        String key = UUID.randomUUID().toString();
        String location = as("admin").header("Idempotency-Key", key).post(REBUILDS).then().statusCode(202)
                .body("status", equalTo("RUNNING")).extract().header("Location");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                !as("admin").get(location).then().statusCode(200).extract().path("status").equals("RUNNING"));
        as("admin").get(location).then().body("status", equalTo("DONE")).body("progress", equalTo(1.0f));
        // a retry of the request answers with the job it started, and starts none
        as("admin").header("Idempotency-Key", key).post(REBUILDS).then().statusCode(202)
                .header("Location", location).header("Idempotent-Replayed", "true");

        assertThat(snapshot(origin, destination)).isEqualTo(incremental);
        assertThat(indexes()).as("indexes built after the rows were replayed").isEqualTo(indexes);
        assertThat(indicators(origin, month).prettify() + indicators(destination, month).prettify())
                .isEqualTo(figuresBefore);

        Kafka.publish("registry.events", personRegistered(UUID.randomUUID(), origin, noon(month.atDay(20))));
        await().atMost(Duration.ofSeconds(60)).until(() -> registeredPersons(origin) == 2);
    }

    @Test
    void onlyAdminsRebuild() {
        as("analyst-62").post(REBUILDS).then().statusCode(403);
        as("supervisor-6208").post(REBUILDS).then().statusCode(403);
        as("admin").get(REBUILDS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static void publishHistory(YearMonth month, String origin, String destination) {
        UUID household = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        UUID dead = UUID.randomUUID();
        String aliveIdIndex = idIndex();
        Kafka.publish("registry.events", householdRegistered(household, origin, noon(month.atDay(1))));
        Kafka.publish("registry.events", person("person-registered", alive, origin, household, aliveIdIndex,
                noon(month.atDay(1))));
        // registered in the destination too: a suspected duplicate at both ends
        Kafka.publish("registry.events", person("person-registered", UUID.randomUUID(), destination,
                UUID.randomUUID(), aliveIdIndex, noon(month.atDay(2))));
        Kafka.publish("registry.events", personRegistered(dead, origin, noon(month.atDay(1))));
        Kafka.publish("registry.events", deathRegistered(dead, origin, noon(month.atDay(9))));
        UUID settled = UUID.randomUUID();
        UUID lapsed = UUID.randomUUID();
        LocalDate day = month.atDay(3);
        Kafka.publish("migration.events", departure(settled, alive, origin, destination, day, day, noon(day)));
        Kafka.publish("migration.events", arrival(settled, alive, origin, destination, day.plusDays(2), true,
                noon(day.plusDays(2))));
        Kafka.publish("migration.events", departure(lapsed, dead, origin, destination, day, day.plusDays(9),
                noon(day.plusDays(9))));
        Kafka.publish("migration.events", move("move-lapsed", lapsed, dead, origin, destination, "LAPSED",
                noon(month.atDay(25))));
        // two moves under way at once for one person: another suspected duplicate at the destination
        UUID twice = UUID.randomUUID();
        Kafka.publish("migration.events", departure(UUID.randomUUID(), twice, origin, destination, day, day, noon(day)));
        Kafka.publish("migration.events", departure(UUID.randomUUID(), twice, origin, destination, day.plusDays(1),
                day.plusDays(1), noon(day.plusDays(1))));
        UUID request = UUID.randomUUID();
        Kafka.publish("migration.events", verification("verification-requested", request, origin, destination, settled,
                month.atDay(15), noon(day)));
        Kafka.publish("migration.events", verification("verification-answered", request, origin, destination, settled,
                month.atDay(15), noon(month.atDay(20))));
    }

    /** Every projected row of the two counties, as text, in a stable order. */
    private List<String> snapshot(String origin, String destination) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            rows.addAll(rows("select * from person where county in (?1, ?2) order by person_id", origin, destination));
            rows.addAll(rows("select * from household where county in (?1, ?2) order by household_id", origin,
                    destination));
            rows.addAll(rows("select * from move where origin_county in (?1, ?2) order by move_id", origin, destination));
            rows.addAll(rows("select * from verification where to_county in (?1, ?2) order by verification_id", origin,
                    destination));
            rows.addAll(rows("select 'shared', s.id_index from shared_pseudonym s where exists (select 1 from person p"
                    + " where p.id_index = s.id_index and p.county in (?1, ?2)) order by id_index", origin, destination));
            rows.addAll(rows("select 'repeat', r.person_id from repeat_mover r where exists (select 1 from move m"
                    + " where m.person_id = r.person_id and m.origin_county in (?1, ?2)) order by person_id", origin,
                    destination));
            return rows;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> indexes() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select indexdef from pg_indexes where schemaname = 'projection' order by indexname").getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, String origin, String destination) {
        List<Object[]> result = entityManager.createNativeQuery(sql).setParameter(1, origin).setParameter(2, destination)
                .getResultList();
        return result.stream().map(java.util.Arrays::deepToString).toList();
    }
}
