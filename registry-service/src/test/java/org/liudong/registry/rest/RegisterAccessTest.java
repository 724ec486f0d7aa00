package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.liudong.registry.support.Api.ADMIN;
import static org.liudong.registry.support.Api.ANALYST;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.OTHER_CLERK;
import static org.liudong.registry.support.Api.SUPERVISOR;
import static org.liudong.registry.support.Api.registerHousehold;
import static org.liudong.registry.support.People.household;
import static org.liudong.registry.support.People.person;

/** The authorization matrix of the register: role × own / other county × endpoint, both sides of each rule. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class RegisterAccessTest {

    static JsonPath household;
    static String personId;
    static String idNumber;

    @BeforeEach
    void registerOnce() {
        if (household != null) {
            return;
        }
        var head = person("HEAD");
        idNumber = head.get("idNumber").toString();
        household = Api.newHousehold(head);
        personId = household.getString("members[0].personId");
    }

    @Test
    void clerkReadsOwnCountysPersonWithFullIdNumberAndVersionTag() {
        Api.as(CLERK).get("/api/registry/persons/" + personId).then()
                .statusCode(200)
                .header("ETag", matchesPattern("\"?[0-9]+\"?"))
                .body("id", equalTo(personId))
                .body("idNumber", equalTo(idNumber))
                .body("registryCounty", equalTo("620821"))
                .body("householdId", equalTo(household.getString("id")))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void integratorOfTheCountyReadsItsPersons() {
        Api.asIntegrator().get("/api/registry/persons/" + personId).then().statusCode(200)
                .body("idNumber", equalTo(idNumber));
    }

    @Test
    void supervisorReadsPersonsWithinJurisdiction() {
        Api.as(SUPERVISOR).get("/api/registry/persons/" + personId).then().statusCode(200)
                .body("idNumber", equalTo(idNumber));
        Api.as(SUPERVISOR).get("/api/registry/households/" + household.getString("id")).then().statusCode(200);
    }

    @Test
    void clerkOfAnotherCountyCannotReadTheResident() {
        Api.as(OTHER_CLERK).get("/api/registry/persons/" + personId).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(OTHER_CLERK).get("/api/registry/households/" + household.getString("id")).then().statusCode(403);
    }

    @Test
    void supervisorOutsideJurisdictionCannotReadAnotherCountysResidents() {
        String foreign = registerHousehold(OTHER_CLERK, household("440305", "440305001", person("HEAD")))
                .statusCode(201).extract().path("members[0].personId");
        Api.as(SUPERVISOR).get("/api/registry/persons/" + foreign).then().statusCode(403);
        Api.as(OTHER_CLERK).get("/api/registry/persons/" + foreign).then().statusCode(200);
    }

    @Test
    void analystNeverSeesPersonalData() {
        Api.as(ANALYST).get("/api/registry/persons/" + personId).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(ANALYST).get("/api/registry/households/" + household.getString("id")).then().statusCode(403);
        registerHousehold(ANALYST, household(person("HEAD"))).statusCode(403);
    }

    @Test
    void adminDoesNotReadOrWriteTheRegister() {
        Api.as(ADMIN).get("/api/registry/persons/" + personId).then().statusCode(403);
        registerHousehold(ADMIN, household(person("HEAD"))).statusCode(403);
    }

    @Test
    void supervisorCannotWrite() {
        registerHousehold(SUPERVISOR, household(person("HEAD"))).statusCode(403);
    }

    @Test
    void clerkCannotRegisterInAnotherCounty() {
        registerHousehold(OTHER_CLERK, household(person("HEAD"))).statusCode(403)
                .contentType("application/problem+json");
        registerHousehold(CLERK, household("440305", "440305001", person("HEAD"))).statusCode(403);
    }

    @Test
    void requestsWithoutTokenAreUnauthenticated() {
        RestAssured.given().contentType(ContentType.JSON).body(household(person("HEAD")))
                .post("/api/registry/households").then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.get("/api/registry/persons/" + personId).then().statusCode(401);
        RestAssured.given().auth().oauth2("not-a-token").get("/api/registry/persons/" + personId).then().statusCode(401);
    }

    @Test
    void unknownIdsAreNotFound() {
        Api.as(CLERK).get("/api/registry/persons/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(CLERK).get("/api/registry/households/" + java.util.UUID.randomUUID()).then().statusCode(404);
        Api.as(CLERK).get("/api/registry/persons/not-a-uuid").then().statusCode(404);
    }
}
