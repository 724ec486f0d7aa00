package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.liudong.registry.support.Api.ADMIN;
import static org.liudong.registry.support.Api.ANALYST;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.OTHER_CLERK;
import static org.liudong.registry.support.Api.SUPERVISOR;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class AuditTrailTest {

    @Inject
    EntityManager entityManager;

    @Test
    void everyReadAndChangeOfAPersonIsOnTheTrail() {
        String personId = Api.newHousehold(person("HEAD")).getString("members[0].personId");
        Api.as(CLERK).header("X-Forwarded-For", "10.1.2.3").header("X-Purpose", "residence certificate")
                .get("/api/registry/persons/" + personId).then().statusCode(200);
        Api.as(OTHER_CLERK).get("/api/registry/persons/" + personId).then().statusCode(403);
        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", Api.etagOfPerson(personId))
                .body(Map.of("phone", "139 1111 2222")).patch("/api/registry/persons/" + personId).then().statusCode(200);

        Api.as(SUPERVISOR).queryParam("subject", personId).get("/api/registry/audit").then()
                .statusCode(200)
                .body("items.action", hasItems("CREATE", "READ", "UPDATE"))
                .body("items.outcome", hasItems("SUCCESS", "DENIED"))
                .body("items.find { it.outcome == 'DENIED' }.actor", equalTo(OTHER_CLERK))
                .body("items.find { it.clientIp == '10.1.2.3' }.purpose", equalTo("residence certificate"))
                .body("items.subjectId", hasItem(personId));
        Api.as(ADMIN).queryParam("subject", personId).get("/api/registry/audit").then().statusCode(200);
    }

    @Test
    void aRefusedChangeIsOnTheTrailToo() {
        JsonPath household = Api.newHousehold(person("HEAD"));
        String personId = household.getString("members[0].personId");
        String householdId = household.getString("id");
        Api.as(OTHER_CLERK).contentType(ContentType.JSON).header("If-Match", Api.etagOfPerson(personId))
                .body(Map.of("phone", "139 1111 2222")).patch("/api/registry/persons/" + personId).then().statusCode(403);
        Api.as(OTHER_CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-01-01"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(403);
        Api.as(OTHER_CLERK).contentType(ContentType.JSON).header("If-Match", Api.etagOfHousehold(householdId))
                .post("/api/registry/households/" + householdId + "/dissolve").then().statusCode(403);

        Api.as(SUPERVISOR).queryParam("subject", personId).get("/api/registry/audit").then().statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' }.action", containsInAnyOrder("UPDATE", "DEATH"))
                .body("items.findAll { it.outcome == 'DENIED' }.actor", everyItem(equalTo(OTHER_CLERK)));
        Api.as(SUPERVISOR).queryParam("subject", householdId).get("/api/registry/audit").then().statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' }.detail", contains("dissolve"));
    }

    @Test
    void onlySupervisorsOfTheCountyAndAdminsReadTheTrail() {
        String personId = Api.newHousehold(person("HEAD")).getString("members[0].personId");
        Api.as(CLERK).queryParam("subject", personId).get("/api/registry/audit").then().statusCode(403);
        Api.as(ANALYST).queryParam("subject", personId).get("/api/registry/audit").then().statusCode(403);
        String foreign = Api.registerHousehold(OTHER_CLERK, org.liudong.registry.support.People.household(
                "440305", "440305001", person("HEAD"))).statusCode(201).extract().path("members[0].personId");
        Api.as(SUPERVISOR).queryParam("subject", foreign).get("/api/registry/audit").then().statusCode(403);
        Api.as(SUPERVISOR).get("/api/registry/audit").then().statusCode(400);
    }

    @Test
    void theTrailIsAppendOnly() {
        Api.newHousehold(person("HEAD"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("update audit_event set actor = 'someone else'").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("delete from audit_event").executeUpdate()))
                .hasStackTraceContaining("append-only");
    }
}
