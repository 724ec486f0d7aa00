package org.liudong.registry.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.liudong.stack.testing.Tokens;

import java.util.Map;

/** Calls to the registry with real Keycloak tokens. */
public final class Api {

    public static final String CLERK = "clerk-620821";
    public static final String OTHER_CLERK = "clerk-440305";
    public static final String SUPERVISOR = "supervisor-6208";
    public static final String ANALYST = "analyst-62";
    public static final String ADMIN = "admin";

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(Tokens.user(user));
    }

    public static RequestSpecification asIntegrator() {
        return RestAssured.given().auth().oauth2(Tokens.client("integrator-620821", "demo"));
    }

    public static ValidatableResponse registerHousehold(String user, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/registry/households").then();
    }

    /** Registers a household in 620821 as its clerk and answers the created household. */
    @SafeVarargs
    public static io.restassured.path.json.JsonPath newHousehold(Map<String, Object>... members) {
        return registerHousehold(CLERK, People.household(members)).statusCode(201).extract().jsonPath();
    }

    /** Registers a person into a household as the county's clerk; answers the created person. */
    public static io.restassured.path.json.JsonPath newPerson(String householdId, Map<String, Object> person) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(person);
        body.put("householdId", householdId);
        return as(CLERK).contentType(ContentType.JSON).body(body).post("/api/registry/persons")
                .then().statusCode(201).extract().jsonPath();
    }

    public static String etagOfPerson(String personId) {
        return as(CLERK).get("/api/registry/persons/" + personId).then().statusCode(200).extract().header("ETag");
    }

    public static String etagOfHousehold(String householdId) {
        return as(CLERK).get("/api/registry/households/" + householdId).then().statusCode(200).extract().header("ETag");
    }
}
