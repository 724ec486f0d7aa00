package org.liudong.assessment.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.support.Kafka;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liudong.assessment.support.Api.as;
import static org.liudong.assessment.support.SampleEvents.data;
import static org.liudong.assessment.support.SampleEvents.deathRegistered;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.idIndex;
import static org.liudong.assessment.support.SampleEvents.noon;
import static org.liudong.assessment.support.SampleEvents.person;
import static org.liudong.assessment.support.SampleEvents.personRegistered;

/** Data-quality findings from real registry and migration events: which records the indicators count against. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class FindingsTest {

    private static final String PATH = "/api/assessment/counties/{code}/findings";
    private static final String REGISTRY = "registry.events";

    @Test
    void eachKindOfFindingNamesItsRecordAndGoesWhenTheRecordIsFixedOrEnds() {
        String county = freshCounty();
        String other = freshCounty();
        Instant earlier = Instant.now().minusSeconds(60);
        Kafka.publish(REGISTRY, personRegistered(UUID.randomUUID(), county, earlier)); // a good record: no finding

        UUID incomplete = UUID.randomUUID();
        ObjectNode withoutHousehold = personRegistered(incomplete, county, earlier);
        data(withoutHousehold).remove(List.of("householdId", "relation"));
        Kafka.publish(REGISTRY, withoutHousehold);

        UUID tooOld = UUID.randomUUID();
        ObjectNode bornTooEarly = personRegistered(tooOld, county, earlier);
        data(bornTooEarly).put("birthYear", 1850);
        Kafka.publish(REGISTRY, bornTooEarly);

        UUID twin = UUID.randomUUID();
        UUID twinElsewhere = UUID.randomUUID();
        String pseudonym = idIndex();
        Kafka.publish(REGISTRY, person("person-registered", twin, county, UUID.randomUUID(), pseudonym, earlier));
        Kafka.publish(REGISTRY, person("person-registered", twinElsewhere, other, UUID.randomUUID(), pseudonym, earlier));

        UUID mover = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        Kafka.publish("migration.events", departure(first, mover, county, other, today, today, noon(today)));
        Kafka.publish("migration.events", departure(second, mover, county, freshCounty(), today, today, noon(today)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(findings(county, "")).containsOnly(
                Map.entry("IMPLAUSIBLE_BIRTH_YEAR " + tooOld, "birth year 1850"),
                Map.entry("INCOMPLETE_RECORD " + incomplete, "missing household, relation"),
                Map.entry("REGISTERED_IN_ANOTHER_COUNTY " + twin, "also registered in " + other),
                Map.entry("TWO_MOVES_UNDER_WAY " + mover, "moves " + String.join(", ",
                        List.of(first.toString(), second.toString()).stream().sorted().toList()))));
        assertThat(findings(other, "")).containsOnlyKeys("REGISTERED_IN_ANOTHER_COUNTY " + twinElsewhere,
                "TWO_MOVES_UNDER_WAY " + mover);
        assertThat(findings(county, "?kind=INCOMPLETE_RECORD&kind=IMPLAUSIBLE_BIRTH_YEAR"))
                .containsOnlyKeys("IMPLAUSIBLE_BIRTH_YEAR " + tooOld, "INCOMPLETE_RECORD " + incomplete);

        Kafka.publish(REGISTRY, deathRegistered(twinElsewhere, other, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(findings(county, ""))
                .doesNotContainKey("REGISTERED_IN_ANOTHER_COUNTY " + twin));
    }

    @Test
    void findingsComeAPageAtATimeInAStableOrder() {
        String county = freshCounty();
        for (int i = 0; i < 5; i++) {
            ObjectNode bornTooEarly = personRegistered(UUID.randomUUID(), county, Instant.now().minusSeconds(60));
            data(bornTooEarly).put("birthYear", 1800 + i);
            Kafka.publish(REGISTRY, bornTooEarly);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> page(county, 0, 2).getLong("total") == 5);

        List<String> all = page(county, 0, 5).getList("items.personId");
        assertThat(all).isSorted().hasSize(5);
        assertThat(page(county, 1, 2).getList("items.personId", String.class)).isEqualTo(all.subList(2, 4));
        assertThat(page(county, 2, 2).getList("items.personId", String.class)).isEqualTo(all.subList(4, 5));
    }

    @ParameterizedTest(name = "{0} reading the findings of {1} gets {2}")
    @CsvSource({
            "clerk-620821, 620821, 200", "clerk-440305, 620821, 403", "supervisor-6208, 620821, 200",
            "supervisor-6208, 440305, 403", "analyst-62, 620821, 403", "admin, 440305, 200"})
    void findingsAreForTheCountysClerksAndTheirSupervisors(String user, String county, int status) {
        as(user).get(PATH, county).then().statusCode(status);
    }

    @Test
    void anUnknownKindOrABadPageIsRefused() {
        as("admin").get(PATH + "?kind=TYPO", "620821").then().statusCode(400)
                .contentType("application/problem+json");
        as("admin").get(PATH + "?size=0", "620821").then().statusCode(400);
        as("admin").get(PATH, "62082").then().statusCode(400);
    }

    /** "KIND personId" → detail. */
    private static Map<String, String> findings(String county, String query) {
        JsonPath answer = as("admin").get(PATH + query, county).then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> items = answer.getList("items");
        return items.stream().collect(java.util.stream.Collectors.toMap(
                item -> item.get("kind") + " " + item.get("personId"), item -> item.get("detail")));
    }

    private static JsonPath page(String county, int page, int size) {
        return as("admin").queryParam("page", page).queryParam("size", size).get(PATH, county)
                .then().statusCode(200).extract().jsonPath();
    }
}
