package org.liudong.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/** What is refused, refused the same way end to end: problem+json with a status, and a request id to quote. */
@ExtendWith(Platform.class)
class GatewayRefusalsIT {

    private static String household() {
        return Residents.householdJson("620821", "620821100", Residents.householdNumber(),
                Residents.resident("620821", "韩卫东", "M", "HEAD"));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        given().contentType(ContentType.JSON).body(household())
                .post("/api/registry/households")
                .then().statusCode(401)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("status", equalTo(401));
    }

    @Test
    void anAnalystMayNotRegisterAHousehold() {
        Api.as("analyst-62").body(household())
                .post("/api/registry/households")
                .then().statusCode(403)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("status", equalTo(403));
    }

    @Test
    void aClerkMayNotRegisterInAnotherCounty() {
        Api.as("clerk-440305").body(household())
                .post("/api/registry/households")
                .then().statusCode(403)
                .contentType(startsWith(Api.PROBLEM_JSON));
    }

    @Test
    void malformedJsonIs400ProblemJsonWithoutInternals() {
        Api.as("clerk-620821").body("{\"county\": \"620821\", \"members\": [")
                .post("/api/registry/households")
                .then().statusCode(400)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("status", equalTo(400))
                .body(not(containsString("Exception")));
    }

    @Test
    void theCallersRequestIdComesBack() {
        Api.as("clerk-620821").header("X-Request-Id", "e2e-request-42")
                .get("/api/assessment/counties/620821/indicators")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo("e2e-request-42"));
    }
}
