package org.liudong.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liudong.e2e.Residents.Resident;

import io.restassured.response.Response;

/** Two county clerks keep a move in step: 泾川县 (620821) announces it, 南山区 (440305) registers the arrival. */
@ExtendWith(Platform.class)
class MoveExchangeIT {

    private static final String ORIGIN = "620821";
    private static final String DESTINATION = "440305";
    /** Generous: a freshly started migration-service may first read a backlog of registry.events. */
    private static final Duration PROJECTION = Duration.ofSeconds(60);

    @Test
    void departureAnnouncedByTheOriginSettlesWhenTheDestinationRegistersTheArrival() {
        Resident mover = registeredResidentOfOrigin("程晓东", "M");
        LocalDate today = LocalDate.now();
        int outflowBefore = Api.indicator(ORIGIN, "outflow", today);
        int inflowBefore = Api.indicator(DESTINATION, "inflow", today);

        String departure = """
                {"idNumber":"%s","originCounty":"%s","destinationCounty":"%s","departedOn":"%s","reason":"WORK",
                 "destinationAddress":"广东省深圳市南山区粤海街道"}""".formatted(mover.idNumber(), ORIGIN, DESTINATION,
                today);
        Response announced = postOnceTheResidentIsKnown("clerk-620821", "/api/migration/departures", departure);
        announced.then().statusCode(201).body("status", equalTo("ANNOUNCED"))
                .header("X-Request-Id", not(emptyOrNullString()));
        String moveId = announced.jsonPath().getString("id");

        assertThat(inboxKinds("clerk-440305", DESTINATION, moveId)).contains("DEPARTURE_NOTICE");
        Api.as("clerk-440305").get("/api/migration/moves/{id}", moveId)
                .then().statusCode(200).body("status", equalTo("ANNOUNCED"));

        String arrival = """
                {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","originCounty":"%s","destinationCounty":"%s",
                 "arrivedOn":"%s","address":"广东省深圳市南山区粤海街道科技园","reason":"WORK"}""".formatted(mover.idNumber(),
                mover.name(), mover.sex(), mover.birthDate(), ORIGIN, DESTINATION, today);
        Api.as("clerk-440305").body(arrival).post("/api/migration/arrivals")
                .then().statusCode(201)
                .body("id", equalTo(moveId))
                .body("status", equalTo("SETTLED"));

        Api.as("clerk-620821").get("/api/migration/moves/{id}", moveId)
                .then().statusCode(200).body("status", equalTo("SETTLED"));
        assertThat(inboxKinds("clerk-620821", ORIGIN, moveId)).contains("ARRIVAL_NOTICE");

        // both ends see the move in their figures (at least: other runs may move people at the same time)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(Api.indicator(ORIGIN, "outflow", today)).isGreaterThanOrEqualTo(outflowBefore + 1);
            assertThat(Api.indicator(DESTINATION, "inflow", today)).isGreaterThanOrEqualTo(inflowBefore + 1);
        });
    }

    @Test
    void anArrivalNobodyAnnouncedIsUnverifiedAndAsksTheOriginToConfirm() {
        Resident mover = registeredResidentOfOrigin("彭海燕", "F");

        String arrival = """
                {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","originCounty":"%s","destinationCounty":"%s",
                 "arrivedOn":"%s","address":"广东省深圳市南山区西丽街道","reason":"WORK"}""".formatted(mover.idNumber(),
                mover.name(), mover.sex(), mover.birthDate(), ORIGIN, DESTINATION, LocalDate.now());
        Response registered = Api.as("clerk-440305").body(arrival).post("/api/migration/arrivals");
        registered.then().statusCode(201)
                .body("status", equalTo("UNVERIFIED"))
                .body("verificationId", not(emptyOrNullString()));
        String moveId = registered.jsonPath().getString("id");

        assertThat(inboxKinds("clerk-620821", ORIGIN, moveId)).contains("VERIFICATION_REQUEST");
    }

    @Test
    void aClerkOfAThirdCountySeesNothingOfTheMove() {
        Resident mover = registeredResidentOfOrigin("石磊", "M");
        String departure = """
                {"idNumber":"%s","originCounty":"%s","destinationCounty":"%s","departedOn":"%s","reason":"STUDY"}"""
                .formatted(mover.idNumber(), ORIGIN, DESTINATION, LocalDate.now());
        String moveId = postOnceTheResidentIsKnown("clerk-620821", "/api/migration/departures", departure)
                .then().statusCode(201).extract().jsonPath().getString("id");

        int status = Api.as("clerk-610113").get("/api/migration/moves/{id}", moveId).statusCode();
        assertThat(status).isIn(403, 404);
    }

    /** A resident of the origin, registered through the registry as any other. */
    private static Resident registeredResidentOfOrigin(String name, String sex) {
        Resident resident = Residents.resident(ORIGIN, name, sex, "HEAD");
        Api.as("clerk-620821")
                .body(Residents.householdJson(ORIGIN, "620821101", Residents.householdNumber(), resident))
                .post("/api/registry/households")
                .then().statusCode(201);
        return resident;
    }

    /**
     * migration-service learns about a new resident from registry.events a moment after the registration; until then
     * it answers that the person is not a resident (422), which leaves nothing behind, so asking again is safe.
     */
    private static Response postOnceTheResidentIsKnown(String user, String path, String body) {
        AtomicReference<Response> last = new AtomicReference<>();
        await().atMost(PROJECTION).pollInterval(Duration.ofMillis(250)).until(() -> {
            last.set(Api.as(user).body(body).post(path));
            return last.get().statusCode() != 422;
        });
        return last.get();
    }

    /** The kinds of the county's inbox items about one move (newest first, so a recent move is on the first page). */
    private static List<String> inboxKinds(String user, String county, String moveId) {
        return Api.as(user).queryParam("county", county).queryParam("size", 500)
                .get("/api/migration/inbox")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.moveId == '" + moveId + "' }.kind", String.class);
    }
}
