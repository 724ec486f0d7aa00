package org.liudong.assessment.support;

import io.restassured.specification.RequestSpecification;
import org.liudong.stack.testing.Tokens;

import static io.restassured.RestAssured.given;

/** REST calls with real Keycloak tokens of the demo users. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ANALYST_62 = "analyst-62";
    public static final String SUPERVISOR_6208 = "supervisor-6208";
    public static final String CLERK_620821 = "clerk-620821";
    public static final String CLERK_440305 = "clerk-440305";

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    public static io.restassured.path.json.JsonPath indicators(String county, java.time.YearMonth period) {
        return as(ADMIN).queryParam("period", period.toString())
                .get("/api/assessment/counties/{code}/indicators", county)
                .then().statusCode(200).extract().jsonPath();
    }

    public static long registeredPersons(String county) {
        return as(ADMIN).get("/api/assessment/counties/{code}/indicators", county)
                .then().statusCode(200).extract().jsonPath().getLong("indicators.registeredPersons");
    }
}
