package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.IdNumberCipher;
import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.repository.PersonRepository;
import org.liudong.registry.support.Api;
import org.liudong.registry.support.People;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.registerHousehold;
import static org.liudong.registry.support.People.household;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class HouseholdRegistrationTest {

    @Inject
    PersonRepository persons;

    @Inject
    IdNumberCipher cipher;

    @Test
    void clerkRegistersHouseholdWithMembersAndGetsItsLocation() {
        Map<String, Object> head = person("HEAD");
        Map<String, Object> child = person("CHILD");
        var response = registerHousehold(CLERK, household(head, child))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("householdNumber", notNullValue())
                .body("county", equalTo("620821"))
                .body("address.township", equalTo(People.TOWNSHIP))
                .body("members", hasSize(2))
                .body("members.relation", hasItem("CHILD"))
                .body("members.personId", not(hasItem((Object) null)))
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/registry/households/" + id);
        assertThat(response.jsonPath().getString("headPersonId"))
                .isEqualTo(response.jsonPath().getString("members.find { it.relation == 'HEAD' }.personId"));
        // lists mask the ID number
        assertThat(response.jsonPath().getList("members.idNumber", String.class))
                .allSatisfy(masked -> assertThat(masked).matches("620821\\*{8}[0-9]{3}[0-9X]"));
    }

    @Test
    void registeredHouseholdReadsBackWithItsMembers() {
        JsonPath created = Api.newHousehold(person("HEAD"), person("SPOUSE"));
        Api.as(CLERK).get("/api/registry/households/" + created.getString("id")).then()
                .statusCode(200)
                .body("householdNumber", equalTo(created.getString("householdNumber")))
                .body("members.personId", equalTo(created.getList("members.personId")));
    }

    @Test
    void integratorOfTheCountyMayRegisterHouseholds() {
        Api.asIntegrator().contentType(ContentType.JSON).body(household(person("HEAD")))
                .post("/api/registry/households").then().statusCode(201);
    }

    @Test
    void givenHouseholdNumberIsKeptAndMustBeUniqueWithinTheCounty() {
        String number = "T" + System.nanoTime();
        Map<String, Object> first = household(person("HEAD"));
        first.put("householdNumber", number);
        registerHousehold(CLERK, first).statusCode(201).body("householdNumber", equalTo(number));

        Map<String, Object> again = household(person("HEAD"));
        again.put("householdNumber", number);
        registerHousehold(CLERK, again).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("duplicate-household-number"));
        assertNotStored(again);

        Map<String, Object> elsewhere = household(People.OTHER_COUNTY, People.OTHER_TOWNSHIP, person("HEAD"));
        elsewhere.put("householdNumber", number);
        registerHousehold(Api.OTHER_CLERK, elsewhere).statusCode(201);
    }

    @Test
    void duplicateIdNumberConflictsWithoutRevealingTheOtherRecord() {
        Map<String, Object> head = person("HEAD");
        String firstId = Api.newHousehold(head).getString("id");

        Map<String, Object> impostor = new java.util.HashMap<>(person("HEAD"));
        impostor.put("idNumber", head.get("idNumber"));
        impostor.put("sex", head.get("sex"));
        impostor.put("birthDate", head.get("birthDate"));
        impostor.put("name", "张三");
        String body = registerHousehold(CLERK, household(person("SPOUSE"), impostor)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("duplicate-id-number"))
                .body("errors[0].field", equalTo("members[1].idNumber"))
                .extract().asString();
        assertThat(body).doesNotContain(firstId).doesNotContain(head.get("name").toString())
                .doesNotContain(head.get("idNumber").toString());
    }

    @Test
    void sameIdNumberTwiceInOneRequestIsRejected() {
        Map<String, Object> head = person("HEAD");
        Map<String, Object> twin = new java.util.HashMap<>(head);
        twin.put("relation", "SIBLING");
        registerHousehold(CLERK, household(head, twin)).statusCode(400)
                .body("errors.field", hasItem("members[1].idNumber"));
        assertNotStored(household(head));
    }

    @Test
    void idNumberWithWrongCheckCharacterIsRejectedWithItsField() {
        Map<String, Object> head = person("HEAD");
        String number = head.get("idNumber").toString();
        char wrong = number.charAt(17) == '0' ? '1' : '0';
        head.put("idNumber", number.substring(0, 17) + wrong);
        registerHousehold(CLERK, household(head)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("members[0].idNumber"))
                .body("errors[0].reason", containsString("check character"));
    }

    @Test
    void birthDateAndSexMustAgreeWithTheIdNumber() {
        LocalDate born = LocalDate.of(1990, 3, 7);
        Map<String, Object> head = person("HEAD", Sex.F, born);
        head.put("birthDate", "1990-03-08");
        registerHousehold(CLERK, household(head)).statusCode(400)
                .body("errors[0].reason", containsString("birth date"));

        Map<String, Object> spouse = person("HEAD", Sex.F, born);
        spouse.put("sex", "M");
        registerHousehold(CLERK, household(spouse)).statusCode(400)
                .body("errors[0].reason", containsString("sex"));
        assertNotStored(household(head));
        assertNotStored(household(spouse));
    }

    @Test
    void unknownOrForeignTownshipIsRejected() {
        registerHousehold(CLERK, household(People.COUNTY, "620821999", person("HEAD"))).statusCode(400)
                .body("errors[0].field", equalTo("address.township"));
        registerHousehold(CLERK, household(People.COUNTY, People.OTHER_TOWNSHIP, person("HEAD"))).statusCode(400)
                .body("errors[0].reason", containsString("not a township of county 620821"));
    }

    @Test
    void relationMustBeOneOfTheKnownValues() {
        Map<String, Object> head = person("HEAD");
        head.put("relation", "COUSIN");
        registerHousehold(CLERK, household(head)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("members[0].relation"))
                .body("errors[0].reason", containsString("must be one of HEAD, SPOUSE"));
    }

    @Test
    void householdNeedsExactlyOneHead() {
        registerHousehold(CLERK, household(person("SPOUSE"), person("CHILD"))).statusCode(400)
                .body("errors[0].field", equalTo("members"));
        registerHousehold(CLERK, household(person("HEAD"), person("HEAD"))).statusCode(400)
                .body("errors[0].field", equalTo("members"));
    }

    @Test
    void missingFieldsAreReportedFieldByField() {
        registerHousehold(CLERK, Map.of("county", "620821", "members", List.of())).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("address"))
                .body("errors.field", hasItem("members"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        Api.as(CLERK).contentType(ContentType.JSON).body("{\"county\": \"620821\", ")
                .post("/api/registry/households").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body(not(containsString("Exception")));
    }

    private void assertNotStored(Map<String, Object> household) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) household.get("members");
        for (Map<String, Object> member : members) {
            String idNumber = ResidentIdNumber.parse(member.get("idNumber").toString()).value();
            assertThat(persons.findByIdIndex(cipher.index(idNumber))).isEmpty();
        }
    }
}
