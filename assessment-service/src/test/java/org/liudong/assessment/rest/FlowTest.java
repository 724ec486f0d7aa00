package org.liudong.assessment.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.support.Kafka;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.assessment.support.Api.as;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.freshMonth;
import static org.liudong.assessment.support.SampleEvents.move;
import static org.liudong.assessment.support.SampleEvents.noon;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class FlowTest {

    private static final String FLOWS = "/api/assessment/flows";

    @Test
    void flowMatrixAggregatesToPrefectureAndProvinceByCodePrefix() {
        YearMonth month = freshMonth();
        String origin = freshCounty("95");
        String prefecture = freshCounty("94").substring(0, 4);
        String first = freshCounty(prefecture);
        String second;
        do {
            second = freshCounty(prefecture);
        } while (second.equals(first));
        LocalDate day = month.atDay(10);
        publishDeparture(origin, first, day);
        publishDeparture(origin, first, day);
        publishDeparture(origin, second, day);
        UUID revoked = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        Kafka.publish("migration.events", departure(revoked, person, origin, second, day, day, noon(day)));
        Kafka.publish("migration.events", move("move-revoked", revoked, person, origin, second, "REVOKED",
                noon(day.plusDays(1))));

        String finalSecond = second;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(flows(origin, month, 6))
                .containsExactlyInAnyOrderEntriesOf(Map.of(origin + ">" + first, 2, origin + ">" + finalSecond, 1)));
        assertThat(flows(origin.substring(0, 4), month, 4)).containsExactlyEntriesOf(
                Map.of(origin.substring(0, 4) + ">" + prefecture, 3));
        assertThat(flows(origin, month, 2)).containsExactlyEntriesOf(Map.of("95>94", 3));

        // a page at a time, the largest flow first; the CSV has them all
        as("admin").queryParam("jurisdiction", origin).queryParam("period", month.toString()).queryParam("size", 1)
                .get(FLOWS).then().statusCode(200).body("total", equalTo(2)).body("page", equalTo(0))
                .body("flows.destination", contains(first));
        as("admin").queryParam("jurisdiction", origin).queryParam("period", month.toString()).queryParam("size", 1)
                .queryParam("page", 1).get(FLOWS).then().statusCode(200).body("flows.destination", contains(second));
        as("admin").queryParam("jurisdiction", origin).queryParam("period", month.toString()).queryParam("page", 5)
                .get(FLOWS).then().statusCode(200).body("flows", empty()).body("total", equalTo(2));
        as("admin").queryParam("jurisdiction", origin).queryParam("size", 0).get(FLOWS).then().statusCode(400);

        String csv = as("admin").accept("text/csv").queryParam("jurisdiction", origin)
                .queryParam("period", month.toString()).get(FLOWS)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("jurisdiction,period,origin,destination,moves\r\n")
                .contains(origin + "," + month + "," + origin + "," + first + ",2\r\n");
    }

    @Test
    void flowsOutsideTheCallersJurisdictionAreForbidden() {
        as("analyst-62").queryParam("jurisdiction", "62").get(FLOWS).then().statusCode(200);
        as("analyst-62").queryParam("jurisdiction", "44").get(FLOWS).then().statusCode(403);
        as("clerk-620821").queryParam("jurisdiction", "6208").get(FLOWS).then().statusCode(403);
        as("admin").queryParam("jurisdiction", "62").queryParam("level", 3).get(FLOWS).then().statusCode(400);
    }

    private static void publishDeparture(String origin, String destination, LocalDate day) {
        Kafka.publish("migration.events", departure(UUID.randomUUID(), UUID.randomUUID(), origin, destination, day, day,
                noon(day)));
    }

    private static Map<String, Integer> flows(String jurisdiction, YearMonth month, int level) {
        JsonPath body = as("admin").queryParam("jurisdiction", jurisdiction).queryParam("period", month.toString())
                .queryParam("level", level).get(FLOWS).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> flows = new java.util.HashMap<>();
        body.getList("flows", Map.class).forEach(f -> flows.put(f.get("origin") + ">" + f.get("destination"),
                ((Number) f.get("moves")).intValue()));
        return flows;
    }
}
