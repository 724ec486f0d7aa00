package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.AtOnce;
import org.liudong.stack.testing.PlatformTestResource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.OTHER_CLERK;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class MembershipTest {

    @Test
    void memberMovesBetweenHouseholdsOfTheCounty() {
        JsonPath from = Api.newHousehold(person("HEAD"), person("CHILD"));
        String child = from.getString("members.find { it.relation == 'CHILD' }.personId");
        String to = Api.newHousehold(person("HEAD")).getString("id");

        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("personId", child, "relation", "GRANDCHILD"))
                .post("/api/registry/households/" + to + "/members").then()
                .statusCode(200)
                .body("members", hasSize(2))
                .body("members.personId", hasItem(child));
        Api.as(CLERK).get("/api/registry/households/" + from.getString("id")).then()
                .body("members.personId", not(hasItem(child)));
        Api.as(CLERK).get("/api/registry/persons/" + child).then()
                .body("householdId", equalTo(to)).body("relation", equalTo("GRANDCHILD"));
    }

    /**
     * Without If-Match, the clerk who loses a race for the same person is told of a conflict (409), not of a failed
     * precondition it never set (412); the person ends up in the winner's household. A round whose requests did
     * not overlap has no loser, so rounds are repeated until one has.
     */
    @Test
    void ofTwoMovesOfOnePersonToDifferentHouseholdsAtOnceOneWinsAndTheOtherIsAConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            JsonPath from = Api.newHousehold(person("HEAD"), person("CHILD"));
            String child = from.getString("members.find { it.relation == 'CHILD' }.personId");
            List<String> targets = List.of(Api.newHousehold(person("HEAD")).getString("id"),
                    Api.newHousehold(person("HEAD")).getString("id"));

            List<Response> answers = AtOnce.run(targets.stream().<Callable<Response>>map(to -> () -> Api.as(CLERK)
                    .contentType(ContentType.JSON).body(Map.of("personId", child, "relation", "CHILD"))
                    .post("/api/registry/households/" + to + "/members")).toList());

            if (answers.stream().allMatch(answer -> answer.statusCode() == 200)) {
                continue;
            }
            assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
            Response conflict = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
            assertThat(conflict.jsonPath().getString("type")).isEqualTo("urn:liudong:problem:concurrent-change");
            String winner = targets.get(answers.get(0).statusCode() == 200 ? 0 : 1);
            Api.as(CLERK).get("/api/registry/persons/" + child).then().body("householdId", equalTo(winner));
            return;
        }
        throw new AssertionError("in five rounds the two moves never overlapped");
    }

    @Test
    void newPersonJoinsThroughTheMembersEndpoint() {
        String id = Api.newHousehold(person("HEAD")).getString("id");
        Map<String, Object> spouse = person("SPOUSE");
        var created = Api.as(CLERK).contentType(ContentType.JSON).body(spouse)
                .post("/api/registry/households/" + id + "/members").then()
                .statusCode(201)
                .body("members", hasSize(2))
                .extract();
        Api.as(CLERK).get(created.header("Location")).then().statusCode(200)
                .body("idNumber", equalTo(spouse.get("idNumber")))
                .body("householdId", equalTo(id));

        Map<String, Object> nameless = person("CHILD");
        nameless.remove("name");
        Api.as(CLERK).contentType(ContentType.JSON).body(nameless)
                .post("/api/registry/households/" + id + "/members").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void headOfAHouseholdWithMembersCannotLeaveBeforeTheHeadChanges() {
        JsonPath from = Api.newHousehold(person("HEAD"), person("SPOUSE"));
        String head = from.getString("headPersonId");
        String to = Api.newHousehold(person("HEAD")).getString("id");
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("personId", head, "relation", "PARENT"))
                .post("/api/registry/households/" + to + "/members").then()
                .statusCode(409).body("type", endsWith("head-cannot-leave"));
    }

    @Test
    void otherCountyCannotChangeMembership() {
        JsonPath household = Api.newHousehold(person("HEAD"), person("SPOUSE"));
        String spouse = household.getString("members.find { it.relation == 'SPOUSE' }.personId");
        Api.as(OTHER_CLERK).contentType(ContentType.JSON).body(Map.of("personId", spouse))
                .post("/api/registry/households/" + household.getString("id") + "/head").then().statusCode(403);
    }

    @Test
    void headChangeSwapsTheRelationsAndHonoursIfMatch() {
        JsonPath household = Api.newHousehold(person("HEAD"), person("SPOUSE"));
        String id = household.getString("id");
        String oldHead = household.getString("headPersonId");
        String spouse = household.getString("members.find { it.relation == 'SPOUSE' }.personId");
        String etag = Api.etagOfHousehold(id);

        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("personId", spouse, "formerHeadRelation", "SPOUSE"))
                .post("/api/registry/households/" + id + "/head").then()
                .statusCode(200)
                .body("headPersonId", equalTo(spouse))
                .body("members.find { it.personId == '" + oldHead + "' }.relation", equalTo("SPOUSE"));
        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("personId", oldHead))
                .post("/api/registry/households/" + id + "/head").then().statusCode(412);
    }

    @Test
    void splitCreatesANewHouseholdWithTheLeavingMembers() {
        JsonPath household = Api.newHousehold(person("HEAD"), person("CHILD"), person("GRANDCHILD"));
        String id = household.getString("id");
        String child = household.getString("members.find { it.relation == 'CHILD' }.personId");
        String grandchild = household.getString("members.find { it.relation == 'GRANDCHILD' }.personId");

        var split = Api.as(CLERK).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("personId", child, "relation", "HEAD"),
                        Map.of("personId", grandchild, "relation", "CHILD"))))
                .post("/api/registry/households/" + id + "/split").then()
                .statusCode(201)
                .body("headPersonId", equalTo(child))
                .body("members", hasSize(2))
                .body("county", equalTo("620821"))
                .extract();
        Api.as(CLERK).get(split.header("Location")).then().statusCode(200);
        Api.as(CLERK).get("/api/registry/households/" + id).then().body("members", hasSize(1));
    }

    @Test
    void householdDissolvesOnlyWhenNoActiveMemberRemains() {
        JsonPath household = Api.newHousehold(person("HEAD"));
        String id = household.getString("id");
        String head = household.getString("headPersonId");
        Api.as(CLERK).post("/api/registry/households/" + id + "/dissolve").then()
                .statusCode(409).body("type", endsWith("household-not-empty"));

        String other = Api.newHousehold(person("HEAD")).getString("id");
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("personId", head, "relation", "PARENT"))
                .post("/api/registry/households/" + other + "/members").then().statusCode(200);
        Api.as(CLERK).post("/api/registry/households/" + id + "/dissolve").then()
                .statusCode(200).body("status", equalTo("DISSOLVED"));
        Api.as(CLERK).contentType(ContentType.JSON).body(PersonLifecycleTest.withHousehold(id, person("CHILD")))
                .post("/api/registry/persons").then().statusCode(409).body("type", endsWith("household-dissolved"));
    }

    @Test
    void addressCorrectionNeedsIfMatchAndAValidTownship() {
        String id = Api.newHousehold(person("HEAD")).getString("id");
        String etag = Api.etagOfHousehold(id);
        Map<String, Object> moved = Map.of("address", Map.of("township", "620821101", "detail", "玉都镇 3 号"));
        Api.as(CLERK).contentType(ContentType.JSON).body(moved).patch("/api/registry/households/" + id).then()
                .statusCode(428);
        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("address", Map.of("township", "440305001"))).patch("/api/registry/households/" + id).then()
                .statusCode(400);
        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", etag).body(moved)
                .patch("/api/registry/households/" + id).then()
                .statusCode(200).body("address.township", equalTo("620821101"));
    }
}
