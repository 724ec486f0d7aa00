package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.liudong.registry.support.Api.ANALYST;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.OTHER_CLERK;
import static org.liudong.registry.support.Api.SUPERVISOR;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class SearchTest {

    @Test
    void exactIdNumberSearchFindsThePersonWithAMaskedNumber() {
        Map<String, Object> head = person("HEAD");
        String idNumber = head.get("idNumber").toString();
        JsonPath household = Api.newHousehold(head);
        Api.as(CLERK).queryParam("idNumber", idNumber).get("/api/registry/persons").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(household.getString("members[0].personId")))
                .body("items[0].idNumber", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("total", equalTo(1));
        Api.as(SUPERVISOR).queryParam("idNumber", idNumber).get("/api/registry/persons").then()
                .statusCode(200).body("items", hasSize(1));
    }

    @Test
    void idNumberSearchOutsideTheCallersCountyFindsNothing() {
        Map<String, Object> head = person("HEAD");
        String idNumber = head.get("idNumber").toString();
        Api.newHousehold(head);
        Api.as(OTHER_CLERK).queryParam("idNumber", idNumber).get("/api/registry/persons").then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void invalidIdNumberInASearchIsABadRequest() {
        Api.as(CLERK).queryParam("idNumber", "12345").get("/api/registry/persons").then().statusCode(400)
                .body("errors[0].field", equalTo("idNumber"));
    }

    @Test
    void nameSearchIsAPrefixSearchWithinTheCountyAndPaginated() {
        String family = "欧阳" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> head = person("HEAD");
            head.put("name", family + i);
            Api.newHousehold(head);
        }
        Api.as(CLERK).queryParam("name", family).queryParam("size", 2).get("/api/registry/persons").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("total", equalTo(3))
                .body("items.name", everyItem(startsWith(family)))
                .body("items.idNumber", everyItem(startsWith("620821********")));
        Api.as(CLERK).queryParam("county", "620821").queryParam("name", family).queryParam("size", 2)
                .queryParam("page", 1).get("/api/registry/persons").then()
                .statusCode(200).body("items", hasSize(1)).body("page", equalTo(1));
        Api.as(SUPERVISOR).queryParam("county", "620821").queryParam("name", family).get("/api/registry/persons").then()
                .statusCode(200).body("items", hasSize(3));
    }

    @Test
    void nameSearchInAnotherCountyIsForbidden() {
        Api.as(OTHER_CLERK).queryParam("county", "620821").queryParam("name", "王").get("/api/registry/persons").then()
                .statusCode(403);
        Api.as(ANALYST).queryParam("county", "620821").queryParam("name", "王").get("/api/registry/persons").then()
                .statusCode(403);
        Api.as(SUPERVISOR).queryParam("name", "王").get("/api/registry/persons").then()
                .statusCode(400).body("errors[0].field", equalTo("county"));
    }

    @Test
    void householdNumberSearchListsTheMembers() {
        JsonPath household = Api.newHousehold(person("HEAD"), person("CHILD"));
        Api.as(CLERK).queryParam("householdNumber", household.getString("householdNumber"))
                .get("/api/registry/persons").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.householdId", everyItem(equalTo(household.getString("id"))));
    }
}
