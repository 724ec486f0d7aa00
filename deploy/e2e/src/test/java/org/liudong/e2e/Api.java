package org.liudong.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.YearMonth;

import org.liudong.stack.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Requests through the gateway as a demo user of the realm, with a real token. */
final class Api {

    static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Registered persons of a county this month, as assessment-service counts them from registry.events. */
    static int registeredPersons(String county) {
        JsonPath indicators = as("clerk-" + county).get("/api/assessment/counties/{county}/indicators", county)
                .then().statusCode(200).extract().jsonPath();
        return indicators.getInt("indicators.registeredPersons");
    }

    /** A count among a county's indicators for the month of {@code day}, read by the county's clerk. */
    static int indicator(String county, String name, LocalDate day) {
        JsonPath indicators = as("clerk-" + county).queryParam("period", YearMonth.from(day).toString())
                .get("/api/assessment/counties/{county}/indicators", county)
                .then().statusCode(200).extract().jsonPath();
        return indicators.getInt("indicators." + name);
    }
}
