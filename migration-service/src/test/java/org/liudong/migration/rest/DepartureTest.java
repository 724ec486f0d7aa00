package org.liudong.migration.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.migration.domain.Move;
import org.liudong.migration.repository.MoveRepository;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.Residents;
import org.liudong.stack.testing.PlatformTestResource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.liudong.migration.support.Api.*;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class DepartureTest {

    @Inject
    Residents residents;

    @Inject
    MoveRepository moves;

    @Test
    void originClerkAnnouncesADepartureAndTheDestinationGetsANotice() {
        People.TestPerson person = residents.registered(ORIGIN);

        String id = as(ORIGIN_CLERK).body(departure(person, DESTINATION)).post("/api/migration/departures")
                .then().statusCode(201)
                .header("Location", containsString("/api/migration/moves/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("ANNOUNCED"))
                .body("personId", equalTo(person.id().toString()))
                .body("originCounty", equalTo(ORIGIN))
                .body("destinationCounty", equalTo(DESTINATION))
                .extract().path("id");

        assertThat(inboxHas(DESTINATION_CLERK, DESTINATION, "DEPARTURE_NOTICE", id)).isTrue();
        move(DESTINATION_CLERK, id).then().statusCode(200)
                .body("person.name", equalTo(person.name()))
                .body("person.idNumber", equalTo(person.idNumber().value()))
                .body("person.birthDate", equalTo(person.birthDate().toString()))
                .body("history.action", hasItem("DEPARTURE_REGISTERED"));
    }

    @Test
    void theInboxListsNewestFirstOnePageAtATimeAndCountsEveryItem() {
        long before = inboxPage(0).getLong("total");
        String earlier = depart(residents.registered(ORIGIN), DESTINATION);
        String later = depart(residents.registered(ORIGIN), DESTINATION);

        JsonPath first = inboxPage(0);
        assertThat(first.getList("items.moveId", String.class)).containsExactly(later);
        assertThat(first.getLong("total")).isEqualTo(before + 2);
        assertThat(inboxPage(1).getList("items.moveId", String.class)).containsExactly(earlier);
    }

    private static JsonPath inboxPage(int page) {
        return as(DESTINATION_CLERK).queryParam("county", DESTINATION).queryParam("kind", "DEPARTURE_NOTICE")
                .queryParam("size", 1).queryParam("page", page).get("/api/migration/inbox")
                .then().statusCode(200).body("size", equalTo(1)).body("page", equalTo(page)).extract().jsonPath();
    }

    @Test
    void theRegistryIsAskedOnceWithTheCallersTokenAndTheDataIsStoredEncrypted() {
        People.TestPerson person = residents.registered(ORIGIN);

        String id = depart(person, DESTINATION);
        move(ORIGIN_CLERK, id).then().statusCode(200);
        move(DESTINATION_CLERK, id).then().statusCode(200).body("person.name", equalTo(person.name()));

        assertThat(residents.registryFetches(person.id())).isEqualTo(1);
        Move stored = QuarkusTransaction.requiringNew().call(() -> moves.findById(uuid(id)));
        String raw = new String(stored.personData, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(person.idNumber().value());
        assertThat(new String(stored.personData, StandardCharsets.UTF_8)).doesNotContain(person.name());
        assertThat(stored.idIndex).isEqualTo(person.idIndex());
    }

    @Test
    void aDepartureRefusedWhileTheRegistryWasDownSucceedsWhenRetriedWithTheSameKey() {
        People.TestPerson person = residents.registered(ORIGIN);
        String key = UUID.randomUUID().toString();
        residents.registryOutage(true);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                as(ORIGIN_CLERK).header("Idempotency-Key", key).body(departure(person, DESTINATION))
                        .post("/api/migration/departures")
                        .then().statusCode(503).body("type", containsString("registry-unavailable"));
            }
        } finally {
            residents.registryOutage(false);
        }

        as(ORIGIN_CLERK).header("Idempotency-Key", key).body(departure(person, DESTINATION))
                .post("/api/migration/departures")
                .then().statusCode(201).body("personId", equalTo(person.id().toString()));
    }

    @Test
    void aPersonCanBeNamedByIdNumber() {
        People.TestPerson person = residents.registered(ORIGIN);
        Map<String, Object> body = departure(person, DESTINATION);
        body.remove("personId");
        body.put("idNumber", person.idNumber().value());

        as(ORIGIN_CLERK).body(body).post("/api/migration/departures").then().statusCode(201)
                .body("personId", equalTo(person.id().toString()));
    }

    @Test
    void anIntegratorOfTheOriginMayRegisterDepartures() {
        People.TestPerson person = residents.registered(ORIGIN);
        asIntegrator().body(departure(person, THIRD)).post("/api/migration/departures").then().statusCode(201);
    }

    @Test
    void onlyTheOriginsClerksRegisterItsDepartures() {
        People.TestPerson person = residents.registered(ORIGIN);

        as(DESTINATION_CLERK).body(departure(person, DESTINATION)).post("/api/migration/departures")
                .then().statusCode(403).contentType("application/problem+json");
        as(SUPERVISOR).body(departure(person, DESTINATION)).post("/api/migration/departures").then().statusCode(403);
        as(ANALYST).body(departure(person, DESTINATION)).post("/api/migration/departures").then().statusCode(403);
        given().contentType("application/json").body(departure(person, DESTINATION))
                .post("/api/migration/departures").then().statusCode(401);

        assertThat(residents.registryFetches(person.id())).isZero();
        depart(person, DESTINATION);
    }

    @Test
    void someoneWhoIsNotAnActiveResidentOfTheOriginCannotDepart() {
        People.TestPerson elsewhere = residents.registered(THIRD);
        Map<String, Object> body = departure(elsewhere, DESTINATION);
        body.put("originCounty", ORIGIN);
        as(ORIGIN_CLERK).body(body).post("/api/migration/departures")
                .then().statusCode(422).body("type", equalTo("urn:liudong:problem:not-a-resident"));

        People.TestPerson unknown = residents.unknown(ORIGIN);
        as(ORIGIN_CLERK).body(departure(unknown, DESTINATION)).post("/api/migration/departures")
                .then().statusCode(422);
    }

    @Test
    void aPersonWithAnOpenMoveCannotDepartAgain() {
        People.TestPerson person = residents.registered(ORIGIN);
        depart(person, DESTINATION);

        as(ORIGIN_CLERK).body(departure(person, THIRD)).post("/api/migration/departures")
                .then().statusCode(409).body("type", equalTo("urn:liudong:problem:open-move"));
    }

    /** The check for an open move and the new move are one step: at most one open move per person, always. */
    @Test
    void ofDeparturesOfOnePersonSentAtOnceExactlyOneAnnouncesAMove() throws Exception {
        People.TestPerson person = residents.registered(ORIGIN);

        List<Integer> statuses = atOnce(4, ORIGIN_CLERK, request -> request.body(departure(person, DESTINATION))
                .post("/api/migration/departures"));

        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(QuarkusTransaction.requiringNew().call(() -> moves.count("personId", person.id()))).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingIsCreated() {
        People.TestPerson person = residents.registered(ORIGIN);
        long before = QuarkusTransaction.requiringNew().call(() -> moves.count());

        Map<String, Object> sameCounty = departure(person, ORIGIN);
        as(ORIGIN_CLERK).body(sameCounty).post("/api/migration/departures").then().statusCode(400)
                .body("errors.field", hasItem("destinationCounty"));
        Map<String, Object> badId = departure(person, DESTINATION);
        badId.remove("personId");
        badId.put("idNumber", "620821199003071240");
        as(ORIGIN_CLERK).body(badId).post("/api/migration/departures").then().statusCode(400)
                .body("errors.field", hasItem("idNumber"));
        Map<String, Object> noReason = departure(person, DESTINATION);
        noReason.put("reason", "HOLIDAY");
        as(ORIGIN_CLERK).body(noReason).post("/api/migration/departures").then().statusCode(400);
        Map<String, Object> noDate = departure(person, DESTINATION);
        noDate.remove("departedOn");
        as(ORIGIN_CLERK).body(noDate).post("/api/migration/departures").then().statusCode(400)
                .body("errors.field", hasItem("departedOn"));
        as(ORIGIN_CLERK).body("{\"personId\": ").post("/api/migration/departures").then().statusCode(400)
                .contentType("application/problem+json");

        assertThat(QuarkusTransaction.requiringNew().call(() -> moves.count())).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        People.TestPerson person = residents.registered(ORIGIN);
        String key = java.util.UUID.randomUUID().toString();

        String first = as(ORIGIN_CLERK).header("Idempotency-Key", key).body(departure(person, DESTINATION))
                .post("/api/migration/departures").then().statusCode(201).extract().path("id");
        String second = as(ORIGIN_CLERK).header("Idempotency-Key", key).body(departure(person, DESTINATION))
                .post("/api/migration/departures").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(residents.registryFetches(person.id())).isEqualTo(1);
    }
}
