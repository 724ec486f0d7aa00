package org.liudong.migration.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.Residents;
import org.liudong.stack.testing.PlatformTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.liudong.migration.support.Api.*;

/** Who may read a move and the person's basic data: origin, destination, third county, supervisor, analyst. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class MoveAccessTest {

    @Inject
    Residents residents;

    @Test
    void bothCountiesOfAMoveReadItWithThePersonsBasicData() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);

        for (String party : List.of(ORIGIN_CLERK, DESTINATION_CLERK)) {
            move(party, id).then().statusCode(200)
                    .body("person.idNumber", equalTo(person.idNumber().value()))
                    .body("person.name", equalTo(person.name()))
                    .body("person.sex", equalTo(person.sex()))
                    .body("person.birthDate", equalTo(person.birthDate().toString()));
        }
        asIntegrator().get("/api/migration/moves/" + id).then().statusCode(200);
    }

    @Test
    void aThirdCountysAttemptToReadAMoveIsOnTheTrail() {
        String id = depart(residents.registered(ORIGIN), DESTINATION);
        move(THIRD_CLERK, id).then().statusCode(404);

        as(SUPERVISOR).queryParam("subject", id).get("/api/migration/audit").then().statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' }.actor", contains(THIRD_CLERK))
                .body("items.findAll { it.outcome == 'DENIED' }.action", contains("READ_MOVE"));
    }

    @Test
    void aThirdCountyDoesNotLearnTheMoveExists() {
        String id = depart(residents.registered(ORIGIN), DESTINATION);

        move(THIRD_CLERK, id).then().statusCode(404).contentType("application/problem+json");
        move(THIRD_CLERK, java.util.UUID.randomUUID().toString()).then().statusCode(404);
        reject(THIRD_CLERK, id, "x")
                .then().statusCode(404);
        as(THIRD_CLERK).post("/api/migration/moves/" + id + "/revoke").then().statusCode(404);
    }

    @Test
    void aSupervisorReadsMovesTouchingItsJurisdictionOnly() {
        People.TestPerson fromHere = residents.registered(ORIGIN);
        String inJurisdiction = depart(fromHere, DESTINATION);
        People.TestPerson elsewhere = residents.registered(DESTINATION);
        String outside = as(DESTINATION_CLERK).body(departure(elsewhere, THIRD)).post("/api/migration/departures")
                .then().statusCode(201).extract().path("id");

        move(SUPERVISOR, inJurisdiction).then().statusCode(200).body("person.name", equalTo(fromHere.name()));
        move(SUPERVISOR, outside).then().statusCode(404);
        as(SUPERVISOR).body(Map.of("reason", "x")).post("/api/migration/moves/" + inJurisdiction + "/revoke")
                .then().statusCode(403);
    }

    @Test
    void anAnalystGetsNoPersonalData() {
        String id = depart(residents.registered(ORIGIN), DESTINATION);

        move(ANALYST, id).then().statusCode(403).contentType("application/problem+json");
        as(ANALYST).queryParam("county", ORIGIN).get("/api/migration/moves").then().statusCode(403);
        as(ANALYST).queryParam("subject", id).get("/api/migration/audit").then().statusCode(403);
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().get("/api/migration/moves/" + java.util.UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json");
        given().queryParam("county", ORIGIN).get("/api/migration/inbox").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/migration/arrivals").then().statusCode(401);
    }

    @Test
    void theDestinationLosesThePersonsDataOnceTheMoveNoLongerLinksTheCounties() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        reject(DESTINATION_CLERK, id, "not here")
                .then().statusCode(200);

        move(DESTINATION_CLERK, id).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("person", nullValue()).body("destinationAddress", nullValue());
        move(ORIGIN_CLERK, id).then().statusCode(200).body("person.name", equalTo(person.name()));
    }

    @Test
    void anOnwardMovesOriginLosesThePersonsDataOnceTheMoveNoLongerLinksTheCounties() {
        People.TestPerson person = residents.registered(ORIGIN);
        depart(person, DESTINATION);
        arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201);
        Map<String, Object> onward = departure(person, THIRD);
        onward.put("originCounty", DESTINATION);
        String id = as(DESTINATION_CLERK).body(onward).post("/api/migration/departures").then().statusCode(201)
                .extract().path("id");
        move(DESTINATION_CLERK, id).then().statusCode(200).body("person.name", equalTo(person.name()));

        reject(THIRD_CLERK, id, "not here")
                .then().statusCode(200);

        // the person was never on the register of the onward move's origin, which only hosted them
        move(DESTINATION_CLERK, id).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("person", nullValue());
        move(THIRD_CLERK, id).then().statusCode(200).body("person", nullValue());
    }

    @Test
    void listsCarryNoPersonalData() {
        String id = depart(residents.registered(ORIGIN), DESTINATION);
        var items = as(ORIGIN_CLERK).queryParam("county", ORIGIN).queryParam("size", 500)
                .get("/api/migration/moves").then().statusCode(200).body("items.id", hasItem(id))
                .extract().jsonPath().getList("items", Map.class);
        assertThat(items).allSatisfy(item -> assertThat(item).doesNotContainKeys("person", "destinationAddress"));
    }

    @Test
    void everyReadOfPersonalDataIsAuditedAndSupervisorsSeeTheTrail() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        move(DESTINATION_CLERK, id).then().statusCode(200);
        move(ORIGIN_CLERK, id).then().statusCode(200);
        move(SUPERVISOR, id).then().statusCode(200);

        as(SUPERVISOR).queryParam("subject", id).get("/api/migration/audit").then().statusCode(200)
                .body("items.actor", hasItem(DESTINATION_CLERK))
                .body("items.actor", hasItem(ORIGIN_CLERK))
                .body("items.actor", hasItem(SUPERVISOR))
                .body("total", equalTo(3))
                .body("items.outcome", everyItem(equalTo("SUCCESS")))
                .body("items[0].action", equalTo("READ_MOVE_PERSON"))
                .body("items[0].moveId", equalTo(id));
        as(SUPERVISOR).queryParam("subject", person.id().toString()).queryParam("size", 2).get("/api/migration/audit")
                .then().statusCode(200).body("total", equalTo(3)).body("items.size()", equalTo(2));
        as(ORIGIN_CLERK).queryParam("subject", id).get("/api/migration/audit").then().statusCode(403);
    }
}
