package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.registry.support.Api.ADMIN;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.registerHousehold;
import static org.liudong.registry.support.People.household;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class DivisionsTest {

    @Test
    void currentCodesDescribeThemselves() {
        Api.as(CLERK).get("/api/registry/divisions/620821").then()
                .statusCode(200)
                .body("name", equalTo("泾川县"))
                .body("level", equalTo("COUNTY"))
                .body("parentCode", equalTo("6208"))
                .body("current", equalTo(true));
        Api.as(CLERK).get("/api/registry/divisions/999999").then().statusCode(404);
    }

    @Test
    void retiredCodesNameTheirSuccessor() {
        Api.as(CLERK).get("/api/registry/divisions/371202").then()
                .statusCode(200)
                .body("current", equalTo(false))
                .body("validTo", equalTo("2019-01-09"))
                .body("successorCode", equalTo("370116"));
    }

    @Test
    void registrationWithARetiredTownshipIsRefusedWithTheReason() {
        String township = "620821103";
        Api.as(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("validTo", LocalDate.now().minusDays(1).toString(), "successorCode", "620821100",
                        "reason", "merged into 城关镇"))
                .put("/api/registry/divisions/" + township + "/retirement").then()
                .statusCode(200)
                .body("current", equalTo(false));
        registerHousehold(CLERK, household("620821", township, person("HEAD"))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("address.township"))
                .body("errors[0].reason", containsString("retired"))
                .body("errors[0].reason", containsString("620821100"));
        // a retirement announced for the future does not refuse anything yet
        Api.as(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("validTo", LocalDate.now().plusYears(1).toString(), "reason", "planned merger"))
                .put("/api/registry/divisions/" + township + "/retirement").then().statusCode(200)
                .body("current", equalTo(true));
        registerHousehold(CLERK, household("620821", township, person("HEAD"))).statusCode(201);
    }

    @Test
    void onlyAdminsRecordRetirements() {
        Api.as(CLERK).contentType(ContentType.JSON)
                .body(Map.of("validTo", "2020-01-01", "reason", "nope"))
                .put("/api/registry/divisions/620821104/retirement").then().statusCode(403);
    }
}
