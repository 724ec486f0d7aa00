package org.liudong.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liudong.e2e.Residents.Resident;

import io.restassured.response.Response;

/** The thin slice through all four services: registry stores, Kafka carries, assessment counts, the gateway fronts. */
@ExtendWith(Platform.class)
class HouseholdSliceIT {

    private static final String COUNTY = "620821";
    private static final String TOWNSHIP = "620821100";

    @Test
    void clerkRegistersAHouseholdAndReadsItBackThroughTheGateway() {
        String number = Residents.householdNumber();
        Resident head = Residents.resident(COUNTY, "田志刚", "M", "HEAD");
        Resident spouse = Residents.resident(COUNTY, "何春燕", "F", "SPOUSE");

        Response created = Api.as("clerk-620821").body(Residents.householdJson(COUNTY, TOWNSHIP, number, head, spouse))
                .post("/api/registry/households");
        created.then().statusCode(201)
                .header("Location", not(emptyOrNullString()))
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("householdNumber", equalTo(number))
                .body("county", equalTo(COUNTY))
                .body("members", hasSize(2));
        String id = created.jsonPath().getString("id");
        // through the gateway, never at registry-service's own (internal) address
        assertThat(created.header("Location")).isEqualTo("/api/registry/households/" + id);

        Api.as("clerk-620821").get(created.header("Location"))
                .then().statusCode(200)
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("id", equalTo(id))
                .body("householdNumber", equalTo(number))
                .body("address.township", equalTo(TOWNSHIP))
                .body("members.relation", containsInAnyOrder("HEAD", "SPOUSE"));
    }

    @Test
    void registeredPersonsOfTheCountyGrowByTheMembersOfANewHouseholdWithinSeconds() {
        int before = Api.registeredPersons(COUNTY);
        Resident[] members = {
                Residents.resident(COUNTY, "冯德胜", "M", "HEAD"),
                Residents.resident(COUNTY, "冯秀珍", "F", "SPOUSE"),
                Residents.resident(COUNTY, "冯小龙", "M", "CHILD")};

        Api.as("clerk-620821").body(Residents.householdJson(COUNTY, TOWNSHIP, Residents.householdNumber(), members))
                .post("/api/registry/households")
                .then().statusCode(201);

        // at least: registrations of other test runs sharing the broker may be counted in the same moment
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Api.registeredPersons(COUNTY)).isGreaterThanOrEqualTo(before + members.length));
    }

    @Test
    void theSameHouseholdNumberTwiceIsAConflictNotASecondHousehold() {
        String number = Residents.householdNumber();
        Api.as("clerk-620821").body(Residents.householdJson(COUNTY, TOWNSHIP, number,
                        Residents.resident(COUNTY, "邓建华", "M", "HEAD")))
                .post("/api/registry/households").then().statusCode(201);

        Api.as("clerk-620821").body(Residents.householdJson(COUNTY, TOWNSHIP, number,
                        Residents.resident(COUNTY, "邓丽", "F", "HEAD")))
                .post("/api/registry/households")
                .then().statusCode(409)
                .contentType(startsWith(Api.PROBLEM_JSON));
    }
}
