package org.liudong.migration.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.migration.service.MoveService;
import org.liudong.migration.service.ScheduledJobs;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.Residents;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.liudong.migration.support.Api.*;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class MoveLifecycleTest {

    /** The counties' today, as the service judges dates. */
    @Inject
    RegisterCalendar calendar;

    @Inject
    Residents residents;

    @Inject
    MoveService moves;

    @Inject
    ScheduledJobs jobs;

    @Test
    void theDestinationRejectsAnAnnouncedMoveWithAReasonAndTheOriginIsTold() {
        String id = depart(residents.registered(ORIGIN), DESTINATION);

        reject(ORIGIN_CLERK, id, "x")
                .then().statusCode(403);
        reject(DESTINATION_CLERK, id, " ")
                .then().statusCode(400);
        reject(DESTINATION_CLERK, id, "not here: wrong county")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("not here: wrong county"));

        assertThat(inboxHas(ORIGIN_CLERK, ORIGIN, "MOVE_REJECTED", id)).isTrue();
        reject(DESTINATION_CLERK, id, "again")
                .then().statusCode(409).body("type", equalTo("urn:liudong:problem:invalid-transition"));
    }

    @Test
    void theOriginRevokesAnAnnouncedMoveAndTheDestinationIsTold() {
        String id = depart(residents.registered(ORIGIN), DESTINATION);

        as(DESTINATION_CLERK).post("/api/migration/moves/" + id + "/revoke").then().statusCode(403);
        as(ORIGIN_CLERK).body(Map.of("reason", "entered by mistake")).post("/api/migration/moves/" + id + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED"));

        assertThat(inboxHas(DESTINATION_CLERK, DESTINATION, "MOVE_REVOKED", id)).isTrue();
        move(ORIGIN_CLERK, id).then().body("history.detail", hasItem("entered by mistake"));
    }

    @Test
    void theOriginRecordsTheReturnOfASettledPerson() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        as(ORIGIN_CLERK).body(Map.of()).post("/api/migration/moves/" + id + "/return").then().statusCode(409);
        arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201);

        as(DESTINATION_CLERK).body(Map.of()).post("/api/migration/moves/" + id + "/return").then().statusCode(403);
        as(ORIGIN_CLERK).body(Map.of("returnedOn", calendar.today().toString()))
                .post("/api/migration/moves/" + id + "/return")
                .then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("returnedOn", equalTo(calendar.today().toString()));
        assertThat(inboxHas(DESTINATION_CLERK, DESTINATION, "MOVE_RETURNED", id)).isTrue();
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String id = depart(residents.registered(ORIGIN), DESTINATION);
        String etag = move(DESTINATION_CLERK, id).then().statusCode(200).extract().header("ETag");

        as(DESTINATION_CLERK).header("If-Match", "\"999\"").body(Map.of("reason", "wrong county"))
                .post("/api/migration/moves/" + id + "/reject").then().statusCode(412)
                .contentType("application/problem+json");
        move(DESTINATION_CLERK, id).then().body("status", equalTo("ANNOUNCED"));

        as(DESTINATION_CLERK).header("If-Match", etag).body(Map.of("reason", "wrong county"))
                .post("/api/migration/moves/" + id + "/reject").then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void anAnnouncedMoveWithoutArrivalLapsesAfterThePeriod() {
        People.TestPerson late = residents.registered(ORIGIN);
        Map<String, Object> body = departure(late, DESTINATION);
        body.put("departedOn", calendar.today().minusDays(31).toString());
        String lapsing = as(ORIGIN_CLERK).body(body).post("/api/migration/departures").then().statusCode(201)
                .extract().path("id");
        String recent = depart(residents.registered(ORIGIN), DESTINATION);

        assertThat(moves.lapseOverdue(calendar.today(), 200)).isPositive();
        assertThat(moves.lapseOverdue(calendar.today(), 200)).as("nothing lapses twice").isZero();

        move(ORIGIN_CLERK, lapsing).then().body("status", equalTo("LAPSED"))
                .body("history.action", hasItem("LAPSED"));
        move(ORIGIN_CLERK, recent).then().body("status", equalTo("ANNOUNCED"));
        assertThat(inboxHas(ORIGIN_CLERK, ORIGIN, "MOVE_LAPSED", lapsing)).isTrue();
        assertThat(inboxHas(DESTINATION_CLERK, DESTINATION, "MOVE_LAPSED", lapsing)).isTrue();
    }

    @Test
    void twoInstancesLapsingAtOnceLapseEachMoveExactlyOnce() throws Exception {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = departure(residents.registered(ORIGIN), DESTINATION);
            body.put("departedOn", calendar.today().minusDays(60).toString());
            due.add(as(ORIGIN_CLERK).body(body).post("/api/migration/departures").then().statusCode(201)
                    .extract().path("id"));
        }

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> instance = () -> {
                int lapsed = 0;
                for (int done = moves.lapseOverdue(calendar.today(), 1); done > 0;
                     done = moves.lapseOverdue(calendar.today(), 1)) {
                    lapsed += done;
                }
                return lapsed;
            };
            List<Future<Integer>> runs = instances.invokeAll(List.of(instance, instance));
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isNotNegative();
            }
        } finally {
            instances.shutdown();
        }

        for (String id : due) {
            List<String> actions = move(ORIGIN_CLERK, id).then().body("status", equalTo("LAPSED"))
                    .extract().jsonPath().getList("history.action", String.class);
            assertThat(actions).filteredOn("LAPSED"::equals).hasSize(1);
        }
    }

    @Test
    void theScheduledRunLeavesNothingDueBehind() {
        Map<String, Object> body = departure(residents.registered(ORIGIN), DESTINATION);
        body.put("departedOn", calendar.today().minusDays(35).toString());
        String id = as(ORIGIN_CLERK).body(body).post("/api/migration/departures").then().statusCode(201)
                .extract().path("id");

        jobs.run();

        move(ORIGIN_CLERK, id).then().body("status", equalTo("LAPSED"));
        assertThat(moves.lapseOverdue(calendar.today(), 200)).isZero();
    }

    @Test
    void anExpiredResidenceIsReportedAndARenewalExtendsIt() {
        People.TestPerson person = residents.registered(ORIGIN);
        Map<String, Object> departure = departure(person, DESTINATION);
        departure.put("departedOn", calendar.today().minusDays(400).toString());
        String id = as(ORIGIN_CLERK).body(departure).post("/api/migration/departures").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> arrival = arrival(person, ORIGIN, DESTINATION);
        arrival.put("arrivedOn", calendar.today().minusDays(380).toString());
        as(DESTINATION_CLERK).body(arrival).post("/api/migration/arrivals").then().statusCode(201)
                .body("status", equalTo("SETTLED"));

        assertThat(moves.expireResidences(calendar.today(), 200)).isPositive();
        move(DESTINATION_CLERK, id).then().body("residenceExpired", equalTo(true));
        assertThat(inboxHas(DESTINATION_CLERK, DESTINATION, "RESIDENCE_EXPIRED", id)).isTrue();

        as(ORIGIN_CLERK).post("/api/migration/moves/" + id + "/residence/renew").then().statusCode(403);
        as(DESTINATION_CLERK).post("/api/migration/moves/" + id + "/residence/renew").then().statusCode(200)
                .body("residenceValidUntil", equalTo(calendar.today().plusMonths(12).toString()))
                .body("residenceExpired", equalTo(false));
    }

    @Test
    void aSettledPersonMovesOnToAThirdCountyAndThePreviousMoveCloses() {
        People.TestPerson person = residents.registered(ORIGIN);
        String first = depart(person, DESTINATION);
        arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201);

        Map<String, Object> onward = departure(person, THIRD);
        onward.put("originCounty", DESTINATION);
        String second = as(DESTINATION_CLERK).body(onward).post("/api/migration/departures").then().statusCode(201)
                .body("previousMoveId", equalTo(first)).extract().path("id");
        move(THIRD_CLERK, second).then().statusCode(200).body("person.name", equalTo(person.name()));
        assertThat(residents.registryFetches(person.id())).as("basic data comes from the first move").isEqualTo(1);

        arrive(person, DESTINATION, THIRD, THIRD_CLERK).then().statusCode(201)
                .body("id", equalTo(second)).body("status", equalTo("SETTLED"));
        move(ORIGIN_CLERK, first).then().body("status", equalTo("MOVED_ON"));
        assertThat(inboxHas(ORIGIN_CLERK, ORIGIN, "ARRIVAL_NOTICE", first)).isTrue();
    }

    @Test
    void movesAreListedByCountyDirectionAndStatusPageByPage() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);

        as(DESTINATION_CLERK).queryParam("county", DESTINATION).queryParam("direction", "in")
                .queryParam("status", "ANNOUNCED").queryParam("size", 500).get("/api/migration/moves")
                .then().statusCode(200).body("items.id", hasItem(id));
        as(ORIGIN_CLERK).queryParam("county", ORIGIN).queryParam("direction", "out")
                .queryParam("from", calendar.today().toString()).queryParam("size", 500).get("/api/migration/moves")
                .then().statusCode(200).body("items.id", hasItem(id));
        as(ORIGIN_CLERK).queryParam("county", ORIGIN).queryParam("direction", "in").queryParam("size", 500)
                .get("/api/migration/moves").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(ORIGIN_CLERK).queryParam("county", ORIGIN).queryParam("size", 1).queryParam("page", 0)
                .get("/api/migration/moves").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1));

        as(THIRD_CLERK).queryParam("county", DESTINATION).get("/api/migration/moves").then().statusCode(403);
        as(ORIGIN_CLERK).queryParam("county", ORIGIN).queryParam("direction", "sideways")
                .get("/api/migration/moves").then().statusCode(400);
        as(ORIGIN_CLERK).get("/api/migration/moves").then().statusCode(400);
    }

    @Test
    void aListedMoveCarriesItsHistoryButNoPersonalData() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        reject(DESTINATION_CLERK, id, "not here")
                .then().statusCode(200);

        String listed = "items.find { it.id == '" + id + "' }";
        as(ORIGIN_CLERK).queryParam("county", ORIGIN).queryParam("direction", "out").queryParam("size", 500)
                .get("/api/migration/moves").then().statusCode(200)
                .body(listed + ".history.action", contains("DEPARTURE_REGISTERED", "REJECTED"))
                .body(listed + ".history[1].county", equalTo(DESTINATION))
                .body(listed + ".history[1].detail", equalTo("not here"))
                .body(listed + ".person", nullValue())
                .body(listed + ".destinationAddress", nullValue());
    }
}
