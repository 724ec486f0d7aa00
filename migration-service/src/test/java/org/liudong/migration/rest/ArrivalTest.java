package org.liudong.migration.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.migration.repository.MoveRepository;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.Residents;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.liudong.migration.support.Api.*;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class ArrivalTest {

    @Inject
    Residents residents;

    @Inject
    MoveRepository moves;

    @Test
    void anArrivalMatchingAnAnnouncedDepartureSettlesTheSameMoveAndNotifiesTheOrigin() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        Map<String, Object> arrival = arrival(person, ORIGIN, DESTINATION);

        arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201)
                .body("id", equalTo(id))
                .body("status", equalTo("SETTLED"))
                .body("arrivedOn", equalTo(arrival.get("arrivedOn")))
                .body("residenceValidUntil",
                        equalTo(LocalDate.parse((String) arrival.get("arrivedOn")).plusMonths(12).toString()))
                .body("verificationId", nullValue());

        assertThat(inboxHas(ORIGIN_CLERK, ORIGIN, "ARRIVAL_NOTICE", id)).isTrue();
        move(ORIGIN_CLERK, id).then().statusCode(200)
                .body("history.action", hasItems("DEPARTURE_REGISTERED", "ARRIVAL_REGISTERED", "SETTLED"))
                .body("destinationAddress", equalTo(arrival.get("address")));
    }

    @Test
    void aNameTypedWithSpacesOrFullWidthFormsStillMatches() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        String typed = " " + String.join("　", person.name().split("")) + " ";
        Map<String, Object> arrival = arrival(person, ORIGIN, DESTINATION);
        arrival.put("name", typed);

        as(DESTINATION_CLERK).body(arrival).post("/api/migration/arrivals").then().statusCode(201)
                .body("id", equalTo(id)).body("status", equalTo("SETTLED"));
    }

    @Test
    void aDifferentNameForTheAnnouncedIdNumberIsRefusedAndTheMoveStaysAnnounced() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        Map<String, Object> arrival = arrival(person, ORIGIN, DESTINATION);
        arrival.put("name", person.name() + "某");

        as(DESTINATION_CLERK).body(arrival).post("/api/migration/arrivals").then().statusCode(422)
                .body("type", equalTo("urn:liudong:problem:name-mismatch"));
        move(ORIGIN_CLERK, id).then().body("status", equalTo("ANNOUNCED"));
    }

    @Test
    void anIdNumberContradictingTheBirthDateOrSexIsRefusedAndNothingChanges() {
        People.TestPerson person = residents.registered(ORIGIN);
        String id = depart(person, DESTINATION);
        long before = QuarkusTransaction.requiringNew().call(() -> moves.count());

        Map<String, Object> wrongBirth = arrival(person, ORIGIN, DESTINATION);
        wrongBirth.put("birthDate", person.birthDate().plusDays(1).toString());
        as(DESTINATION_CLERK).body(wrongBirth).post("/api/migration/arrivals").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("birthDate"));
        Map<String, Object> wrongSex = arrival(person, ORIGIN, DESTINATION);
        wrongSex.put("sex", person.sex().equals("M") ? "F" : "M");
        as(DESTINATION_CLERK).body(wrongSex).post("/api/migration/arrivals").then().statusCode(400)
                .body("errors.field", hasItem("sex"));
        Map<String, Object> badCheckDigit = arrival(person, ORIGIN, DESTINATION);
        String value = person.idNumber().value();
        badCheckDigit.put("idNumber", value.substring(0, 17) + (value.charAt(17) == '0' ? "1" : "0"));
        as(DESTINATION_CLERK).body(badCheckDigit).post("/api/migration/arrivals").then().statusCode(400)
                .body("errors.field", hasItem("idNumber"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> moves.count())).isEqualTo(before);
        move(ORIGIN_CLERK, id).then().body("status", equalTo("ANNOUNCED"));
    }

    @Test
    void anotherIdNumberNeverMatchesAnAnnouncedMove() {
        People.TestPerson announced = residents.registered(ORIGIN);
        String id = depart(announced, DESTINATION);
        People.TestPerson other = residents.unknown(ORIGIN);
        Map<String, Object> arrival = arrival(other, ORIGIN, DESTINATION);
        arrival.put("name", announced.name());

        String otherId = as(DESTINATION_CLERK).body(arrival).post("/api/migration/arrivals").then().statusCode(201)
                .body("status", equalTo("UNVERIFIED")).extract().path("id");
        assertThat(otherId).isNotEqualTo(id);
        move(ORIGIN_CLERK, id).then().body("status", equalTo("ANNOUNCED"));
    }

    @Test
    void anUnannouncedArrivalIsUnverifiedAndAsksTheOriginToConfirm() {
        People.TestPerson person = residents.registered(ORIGIN);

        var created = arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201)
                .body("status", equalTo("UNVERIFIED"))
                .body("personId", equalTo(person.id().toString()))
                .body("verificationId", notNullValue()).extract();
        String id = created.path("id");
        String verificationId = created.path("verificationId");

        assertThat(inboxHas(ORIGIN_CLERK, ORIGIN, "VERIFICATION_REQUEST", id)).isTrue();
        as(ORIGIN_CLERK).get("/api/migration/verifications/" + verificationId).then().statusCode(200)
                .body("fromCounty", equalTo(DESTINATION)).body("toCounty", equalTo(ORIGIN))
                .body("question", equalTo("CONFIRM_DEPARTURE")).body("status", equalTo("OPEN"));
        move(ORIGIN_CLERK, id).then().statusCode(200).body("person.name", equalTo(person.name()));
    }

    @Test
    void ofUnannouncedArrivalsOfOnePersonSentAtOnceExactlyOneOpensAMove() throws Exception {
        People.TestPerson person = residents.registered(ORIGIN);

        List<Integer> statuses = atOnce(4, DESTINATION_CLERK, request -> request
                .body(arrival(person, ORIGIN, DESTINATION)).post("/api/migration/arrivals"));

        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(QuarkusTransaction.requiringNew().call(() -> moves.count("personId", person.id()))).isEqualTo(1);
    }

    @Test
    void theOriginsConfirmationSettlesAnUnverifiedMove() {
        People.TestPerson person = residents.registered(ORIGIN);
        var created = arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201).extract();
        String id = created.path("id");

        as(ORIGIN_CLERK).body(Map.of("outcome", "CONFIRMED", "note", "left in March"))
                .post("/api/migration/verifications/" + created.path("verificationId") + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("outcome", equalTo("CONFIRMED"));

        move(DESTINATION_CLERK, id).then().body("status", equalTo("SETTLED"))
                .body("history.action", hasItem("SETTLED"));
        assertThat(inboxHas(DESTINATION_CLERK, DESTINATION, "VERIFICATION_ANSWER", id)).isTrue();
    }

    @Test
    void theOriginsDenialMarksTheMoveDisputedWithTheReason() {
        People.TestPerson person = residents.unknown(ORIGIN);
        var created = arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201)
                .body("personId", nullValue()).extract();
        String id = created.path("id");

        as(ORIGIN_CLERK).body(Map.of("outcome", "DENIED", "note", "no such resident"))
                .post("/api/migration/verifications/" + created.path("verificationId") + "/answer")
                .then().statusCode(200);

        move(DESTINATION_CLERK, id).then().body("status", equalTo("DISPUTED"))
                .body("disputeNote", equalTo("no such resident"));
    }

    @Test
    void onlyTheDestinationsClerksRegisterArrivalsThere() {
        People.TestPerson person = residents.registered(ORIGIN);
        arrive(person, ORIGIN, DESTINATION, ORIGIN_CLERK).then().statusCode(403);
        arrive(person, ORIGIN, DESTINATION, THIRD_CLERK).then().statusCode(403);
        arrive(person, ORIGIN, DESTINATION, ANALYST).then().statusCode(403);
        arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201);
    }

    @Test
    void aSecondArrivalOfASettledPersonIsAConflict() {
        People.TestPerson person = residents.registered(ORIGIN);
        depart(person, DESTINATION);
        arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201);

        arrive(person, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(409)
                .body("type", equalTo("urn:liudong:problem:already-settled"));
    }
}
