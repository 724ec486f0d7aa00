package org.liudong.migration.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.migration.service.VerificationService;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.Residents;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.liudong.migration.support.Api.*;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class VerificationTest {

    /** The counties' today, as the service judges dates. */
    @Inject
    RegisterCalendar calendar;

    @Inject
    Residents residents;

    @Inject
    VerificationService verifications;

    private String request(String user, String toCounty, String moveId, boolean urgent) {
        return as(user).body(Map.of("toCounty", toCounty, "moveId", moveId, "question", "CONFIRM_ADDRESS",
                        "urgent", urgent))
                .post("/api/migration/verifications").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPartyToAMoveAsksTheOtherAndTheDueDateFollowsUrgency() {
        String moveId = depart(residents.registered(ORIGIN), DESTINATION);

        String normal = request(DESTINATION_CLERK, ORIGIN, moveId, false);
        String urgent = request(DESTINATION_CLERK, ORIGIN, moveId, true);

        as(ORIGIN_CLERK).get("/api/migration/verifications/" + normal).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("fromCounty", equalTo(DESTINATION))
                .body("dueOn", equalTo(calendar.today().plusDays(30).toString()));
        as(ORIGIN_CLERK).get("/api/migration/verifications/" + urgent).then()
                .body("dueOn", equalTo(calendar.today().plusDays(15).toString()));
        assertThat(inbox(ORIGIN_CLERK, ORIGIN, "VERIFICATION_REQUEST").then().extract().jsonPath()
                .getList("items.verificationId", String.class)).contains(normal, urgent);
    }

    @Test
    void onlyTheAddressedCountyAnswersAndTheRequesterSeesTheAnswer() {
        String moveId = depart(residents.registered(ORIGIN), DESTINATION);
        String id = request(DESTINATION_CLERK, ORIGIN, moveId, false);
        Map<String, String> answer = Map.of("outcome", "CONFIRMED", "note", "lives at the given address");

        as(DESTINATION_CLERK).body(answer).post("/api/migration/verifications/" + id + "/answer")
                .then().statusCode(403);
        as(THIRD_CLERK).body(answer).post("/api/migration/verifications/" + id + "/answer").then().statusCode(404);
        as(THIRD_CLERK).get("/api/migration/verifications/" + id).then().statusCode(404);
        as(ORIGIN_CLERK).body(Map.of("outcome", "MAYBE")).post("/api/migration/verifications/" + id + "/answer")
                .then().statusCode(400);

        as(ORIGIN_CLERK).body(answer).post("/api/migration/verifications/" + id + "/answer").then().statusCode(200)
                .body("outcome", equalTo("CONFIRMED")).body("note", equalTo("lives at the given address"));
        assertThat(inbox(DESTINATION_CLERK, DESTINATION, "VERIFICATION_ANSWER").then().extract().jsonPath()
                .getList("items.verificationId", String.class)).contains(id);
        as(ORIGIN_CLERK).body(answer).post("/api/migration/verifications/" + id + "/answer").then().statusCode(409);
        move(DESTINATION_CLERK, moveId).then().body("status", equalTo("ANNOUNCED"));
    }

    @Test
    void aCountyHoldingThePersonAsksAboutThePersonButNotOnBehalfOfStrangers() {
        People.TestPerson person = residents.registered(ORIGIN);
        depart(person, DESTINATION);
        Map<String, Object> aboutPerson = Map.of("toCounty", ORIGIN, "personId", person.id().toString(),
                "question", "CONFIRM_IDENTITY", "urgent", false);

        as(DESTINATION_CLERK).body(aboutPerson).post("/api/migration/verifications").then().statusCode(201)
                .body("personId", equalTo(person.id().toString()));
        as(THIRD_CLERK).body(aboutPerson).post("/api/migration/verifications").then().statusCode(404);
        as(SUPERVISOR).body(aboutPerson).post("/api/migration/verifications").then().statusCode(403);
        as(ORIGIN_CLERK).body(Map.of("toCounty", THIRD, "personId", person.id().toString(),
                "question", "CONFIRM_IDENTITY")).post("/api/migration/verifications").then().statusCode(422);
        as(DESTINATION_CLERK).body(Map.of("toCounty", ORIGIN, "question", "CONFIRM_IDENTITY"))
                .post("/api/migration/verifications").then().statusCode(400);
    }

    @Test
    void openRequestsGetOneReminderBeforeTheDueDateAndBecomeOverdueAfterIt() {
        String moveId = depart(residents.registered(ORIGIN), DESTINATION);
        String id = request(DESTINATION_CLERK, ORIGIN, moveId, false);

        assertThat(verifications.remindDue(calendar.today().plusDays(20), 500)).as("not yet").isZero();
        assertThat(verifications.remindDue(calendar.today().plusDays(28), 500)).isPositive();
        assertThat(verifications.remindDue(calendar.today().plusDays(28), 500)).as("once only").isZero();
        assertThat(inbox(ORIGIN_CLERK, ORIGIN, "VERIFICATION_REMINDER").then().extract().jsonPath()
                .getList("items.verificationId", String.class)).contains(id);

        assertThat(verifications.markOverdue(calendar.today().plusDays(31), 500)).isPositive();
        as(DESTINATION_CLERK).get("/api/migration/verifications/" + id).then().body("status", equalTo("OVERDUE"));
        assertThat(inbox(DESTINATION_CLERK, DESTINATION, "VERIFICATION_OVERDUE").then().extract().jsonPath()
                .getList("items.verificationId", String.class)).contains(id);

        as(ORIGIN_CLERK).body(Map.of("outcome", "UNKNOWN")).post("/api/migration/verifications/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));
    }

    @Test
    void theInboxFiltersByKindAndHandledAndItemsAreMarkedHandledByTheirCounty() {
        String moveId = depart(residents.registered(ORIGIN), DESTINATION);
        String itemId = inbox(DESTINATION_CLERK, DESTINATION, "DEPARTURE_NOTICE").then().extract().jsonPath()
                .<String>getList("items.findAll { it.moveId == '" + moveId + "' }.id").get(0);

        as(DESTINATION_CLERK).queryParam("county", DESTINATION).queryParam("kind", "DEPARTURE_NOTICE")
                .queryParam("size", 500).get("/api/migration/inbox")
                .then().statusCode(200).body("items.kind", everyItem(equalTo("DEPARTURE_NOTICE")));
        as(ORIGIN_CLERK).post("/api/migration/inbox/" + itemId + "/handled").then().statusCode(404);
        as(DESTINATION_CLERK).post("/api/migration/inbox/" + itemId + "/handled").then().statusCode(200)
                .body("handled", equalTo(true)).body("handledBy", equalTo(DESTINATION_CLERK));

        List<String> handled = as(DESTINATION_CLERK).queryParam("county", DESTINATION).queryParam("handled", true)
                .queryParam("size", 500).get("/api/migration/inbox").then().extract().jsonPath()
                .getList("items.id", String.class);
        assertThat(handled).contains(itemId);
        as(DESTINATION_CLERK).queryParam("county", DESTINATION).queryParam("handled", false)
                .queryParam("size", 500).get("/api/migration/inbox").then().body("items.id", not(hasItem(itemId)));
    }

    @Test
    void anInboxIsReadByItsCountyAndTheSupervisorsAboveIt() {
        depart(residents.registered(ORIGIN), DESTINATION);

        as(ORIGIN_CLERK).queryParam("county", ORIGIN).get("/api/migration/inbox").then().statusCode(200);
        as(SUPERVISOR).queryParam("county", ORIGIN).get("/api/migration/inbox").then().statusCode(200);
        as(SUPERVISOR).queryParam("county", DESTINATION).get("/api/migration/inbox").then().statusCode(403);
        as(THIRD_CLERK).queryParam("county", DESTINATION).get("/api/migration/inbox").then().statusCode(403);
        as(ANALYST).queryParam("county", ORIGIN).get("/api/migration/inbox").then().statusCode(403);
        asIntegrator().queryParam("county", ORIGIN).get("/api/migration/inbox").then().statusCode(200);
        as(ORIGIN_CLERK).queryParam("county", ORIGIN).queryParam("kind", "LETTER").get("/api/migration/inbox")
                .then().statusCode(400);
    }
}
