package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.OTHER_CLERK;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class PersonLifecycleTest {

    /** The counties' today, as the service judges dates. */
    @Inject
    RegisterCalendar calendar;

    @Test
    void personJoinsAnExistingHouseholdAndReadsBack() {
        String householdId = Api.newHousehold(person("HEAD")).getString("id");
        Map<String, Object> spouse = person("SPOUSE");
        var created = Api.as(CLERK).contentType(ContentType.JSON).body(withHousehold(householdId, spouse))
                .post("/api/registry/persons").then()
                .statusCode(201)
                .body("householdId", equalTo(householdId))
                .body("registryCounty", equalTo("620821"))
                .body("relation", equalTo("SPOUSE"))
                .extract();
        assertThat(created.header("Location")).endsWith("/api/registry/persons/" + created.path("id"));
        Api.as(CLERK).get("/api/registry/persons/" + created.path("id")).then().statusCode(200)
                .body("idNumber", equalTo(spouse.get("idNumber")));
    }

    @Test
    void personCannotJoinAsSecondHeadOrIntoAnotherCounty() {
        String householdId = Api.newHousehold(person("HEAD")).getString("id");
        Api.as(CLERK).contentType(ContentType.JSON).body(withHousehold(householdId, person("HEAD")))
                .post("/api/registry/persons").then().statusCode(400).body("errors[0].field", equalTo("relation"));
        Api.as(OTHER_CLERK).contentType(ContentType.JSON).body(withHousehold(householdId, person("CHILD")))
                .post("/api/registry/persons").then().statusCode(403);
        Api.as(CLERK).contentType(ContentType.JSON).body(withHousehold(java.util.UUID.randomUUID().toString(), person("CHILD")))
                .post("/api/registry/persons").then().statusCode(404);
    }

    @Test
    void birthRegistersAChildIntoTheHousehold() {
        String householdId = Api.newHousehold(person("HEAD")).getString("id");
        Map<String, Object> child = person("CHILD", Sex.F, calendar.today().minusDays(3));
        Api.as(CLERK).contentType(ContentType.JSON).body(child)
                .post("/api/registry/households/" + householdId + "/births").then()
                .statusCode(201)
                .body("householdId", equalTo(householdId))
                .body("birthDate", equalTo(child.get("birthDate")))
                .body("status", equalTo("ACTIVE"));
        Map<String, Object> unborn = person("CHILD", Sex.M, calendar.today().plusDays(3));
        Api.as(CLERK).contentType(ContentType.JSON).body(unborn)
                .post("/api/registry/households/" + householdId + "/births").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("birthDate"));
    }

    @Test
    void deathIsRegisteredOnceAndNotBeforeBirth() {
        Map<String, Object> head = person("HEAD", Sex.M, LocalDate.of(1950, 6, 1));
        String personId = Api.newHousehold(head).getString("members[0].personId");
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "1949-01-01"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(400)
                .body("errors[0].field", equalTo("diedOn"));
        Api.as(OTHER_CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-01-01"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(403);
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-01-01"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(200)
                .body("status", equalTo("DECEASED"))
                .body("diedOn", equalTo("2024-01-01"));
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-01-02"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(409)
                .body("type", endsWith("not-active"));
    }

    @Test
    void aRegistrationIsCancelledOnceForAReasonAndTheRecordStaysReadable() {
        String personId = Api.newHousehold(person("HEAD"), person("SPOUSE"))
                .getString("members.find { it.relation == 'SPOUSE' }.personId");
        String path = "/api/registry/persons/" + personId + "/cancellation";
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("reason", "EMIGRATED", "cancelledOn", "2024-01-01"))
                .post(path).then().statusCode(400);
        Api.as(CLERK).contentType(ContentType.JSON)
                .body(Map.of("reason", "SETTLED_ABROAD", "cancelledOn", calendar.today().plusDays(1).toString()))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("cancelledOn"));
        Api.as(OTHER_CLERK).contentType(ContentType.JSON)
                .body(Map.of("reason", "SETTLED_ABROAD", "cancelledOn", "2024-01-01")).post(path).then().statusCode(403);
        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(Map.of("reason", "SETTLED_ABROAD", "cancelledOn", "2024-01-01")).post(path).then().statusCode(412);

        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", Api.etagOfPerson(personId))
                .body(Map.of("reason", "SETTLED_ABROAD", "cancelledOn", "2024-01-01")).post(path).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledOn", equalTo("2024-01-01"))
                .body("cancellationReason", equalTo("SETTLED_ABROAD"));
        Api.as(CLERK).get("/api/registry/persons/" + personId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-02-01"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(409)
                .body("type", endsWith("not-active"));
        Api.as(CLERK).contentType(ContentType.JSON)
                .body(Map.of("reason", "OTHER", "cancelledOn", "2024-01-02")).post(path).then().statusCode(409);
        Api.as(Api.SUPERVISOR).queryParam("subject", personId).get("/api/registry/audit").then().statusCode(200)
                .body("items.find { it.action == 'CANCEL' && it.outcome == 'SUCCESS' }.detail",
                        equalTo("SETTLED_ABROAD"));
    }

    @Test
    void correctionNeedsTheCurrentVersion() {
        String personId = Api.newHousehold(person("HEAD")).getString("members[0].personId");
        String etag = Api.etagOfPerson(personId);

        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("name", "王小明"))
                .patch("/api/registry/persons/" + personId).then().statusCode(428);

        String newTag = Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "王小明", "phone", ""))
                .patch("/api/registry/persons/" + personId).then()
                .statusCode(200)
                .body("name", equalTo("王小明"))
                .body("phone", nullValue())
                .extract().header("ETag");
        assertThat(newTag).isNotEqualTo(etag);

        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "王大明"))
                .patch("/api/registry/persons/" + personId).then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("changed"));
        Api.as(CLERK).get("/api/registry/persons/" + personId).then().body("name", equalTo("王小明"));
    }

    @Test
    void correctionRejectsBadValuesAndOtherCounties() {
        String personId = Api.newHousehold(person("HEAD")).getString("members[0].personId");
        String etag = Api.etagOfPerson(personId);
        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("phone", "call me"))
                .patch("/api/registry/persons/" + personId).then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        Api.as(OTHER_CLERK).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "张三"))
                .patch("/api/registry/persons/" + personId).then().statusCode(403);
        Api.as(CLERK).get("/api/registry/persons/" + personId).then().header("ETag", equalTo(etag));
    }

    static Map<String, Object> withHousehold(String householdId, Map<String, Object> person) {
        Map<String, Object> body = new LinkedHashMap<>(person);
        body.put("householdId", householdId);
        return body;
    }
}
