package org.liudong.assessment.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liudong.assessment.support.Kafka;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.assessment.support.Api.as;
import static org.liudong.assessment.support.SampleEvents.arrival;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.freshMonth;
import static org.liudong.assessment.support.SampleEvents.noon;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class ScorecardAndTargetTest {

    private static final String MIGRATION = "migration.events";
    private static final String SCORECARDS = "/api/assessment/scorecards";
    private static final String TARGETS = "/api/assessment/targets/{indicator}";

    private YearMonth month;
    private String jurisdiction;
    private String good;
    private String poor;

    @BeforeEach
    void freshJurisdiction() {
        month = freshMonth();
        // one whose counties are judged by the default targets: a target an earlier run set would change the scores
        jurisdiction = withoutTarget(() -> freshCounty("97").substring(0, 4));
        good = freshCounty(jurisdiction);
        do {
            poor = freshCounty(jurisdiction);
        } while (poor.equals(good));
    }

    @Test
    void scorecardRanksTheJurisdictionsCountiesAndFollowsItsTargets() {
        String destination = freshCounty("96");
        UUID timely = UUID.randomUUID();
        LocalDate second = month.atDay(2);
        Kafka.publish(MIGRATION, departure(timely, UUID.randomUUID(), good, destination, second, second, noon(second)));
        Kafka.publish(MIGRATION, arrival(timely, UUID.randomUUID(), good, destination, month.atDay(4), true,
                noon(month.atDay(4))));
        Kafka.publish(MIGRATION, departure(UUID.randomUUID(), UUID.randomUUID(), poor, destination, second,
                month.atDay(25), noon(month.atDay(25))));

        // good passes everything with data: 100; poor fails timeliness and matching (weights 20 + 20) and
        // passes the four counts (10 + 10 + 5 + 5): 30 of 70
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> ranking = scores(ranking());
            assertThat(ranking).containsEntry(good, 100.0f).containsEntry(poor, 42.9f);
        });
        JsonPath ranking = ranking();
        assertThat(rankOf(ranking, good)).isLessThan(rankOf(ranking, poor));
        // a page at a time, in rank order
        as("admin").queryParam("jurisdiction", jurisdiction).queryParam("period", month.toString())
                .queryParam("size", 1).queryParam("page", 1).get(SCORECARDS).then().statusCode(200)
                .body("total", equalTo(2)).body("counties.scorecard.county", contains(poor));

        // set for the county itself, the most specific target, which leaves the jurisdiction as later runs need it
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("jurisdiction", poor, "value", 0.0, "direction", "AT_LEAST", "weight", 20))
                .put(TARGETS, "arrivalMatchRate").then().statusCode(200).body("jurisdiction", equalTo(poor));

        assertThat(scores(ranking())).containsEntry(poor, 71.4f);
    }

    @Test
    void scorecardJudgesTheValuesTheCountysIndicatorsShow() {
        String destination = freshCounty("96");
        LocalDate second = month.atDay(2);
        Kafka.publish(MIGRATION, departure(UUID.randomUUID(), UUID.randomUUID(), good, destination, second,
                month.atDay(20), noon(month.atDay(20))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(scores(ranking())).containsKey(good));
        Map<String, Object> figures = org.liudong.assessment.support.Api.indicators(good, month).getMap("indicators");
        java.util.List<Map<String, Object>> lines = ranking()
                .getList("counties.find { it.scorecard.county == '" + good + "' }.scorecard.indicators");
        assertThat(lines).hasSize(8);
        for (Map<String, Object> line : lines) {
            Object value = figures.get((String) line.get("indicator"));
            assertThat(line.get("value") == null ? null : ((Number) line.get("value")).doubleValue())
                    .as((String) line.get("indicator"))
                    .isEqualTo(value == null ? null : ((Number) value).doubleValue());
        }
    }

    @Test
    void aTargetChangeNamingAStaleVersionIsRefusedAndChangesNothing() {
        // a county no earlier run set a target for: the default applies, version 0
        String county = withoutTarget(() -> freshCounty("93"));
        Map<String, Object> lenient = Map.of("jurisdiction", county, "value", 0.5, "direction", "AT_LEAST",
                "weight", 20);
        Map<String, Object> strict = Map.of("jurisdiction", county, "value", 0.9, "direction", "AT_LEAST",
                "weight", 20);
        String first = as("admin").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(lenient)
                .put(TARGETS, "arrivalMatchRate").then().statusCode(200).body("version", equalTo(1))
                .extract().header("ETag");
        assertThat(first).isEqualTo("\"1\"");
        as("admin").contentType(ContentType.JSON).header("If-Match", first).body(strict)
                .put(TARGETS, "arrivalMatchRate").then().statusCode(200).header("ETag", "\"2\"");

        // a second supervisor still holding version 1
        as("admin").contentType(ContentType.JSON).header("If-Match", first).body(lenient)
                .put(TARGETS, "arrivalMatchRate").then().statusCode(412).contentType("application/problem+json");
        assertThat(as("admin").queryParam("jurisdiction", county).get("/api/assessment/targets")
                .then().statusCode(200).extract().jsonPath()
                .getDouble("find { it.indicator == 'arrivalMatchRate' }.value")).isEqualTo(0.9);
        // without If-Match the change is made (the caller accepts overwriting)
        as("admin").contentType(ContentType.JSON).body(lenient)
                .put(TARGETS, "arrivalMatchRate").then().statusCode(200).header("ETag", "\"3\"");
    }

    /**
     * A jurisdiction drawn until one has no target of its own: the test database outlives the runs, and earlier runs
     * set targets on some of the codes drawn.
     */
    private String withoutTarget(Supplier<String> draw) {
        String drawn = draw.get();
        for (int attempts = 1; targetVersion(drawn) != 0; attempts++) {
            assertThat(attempts).as("jurisdictions drawn in search of one without a target").isLessThan(200);
            drawn = draw.get();
        }
        return drawn;
    }

    private int targetVersion(String jurisdiction) {
        return as("admin").queryParam("jurisdiction", jurisdiction).get("/api/assessment/targets")
                .then().statusCode(200).extract().jsonPath()
                .getInt("find { it.indicator == 'arrivalMatchRate' }.version");
    }

    @Test
    void scorecardsComeAsCsvForSpreadsheets() {
        String text = as("analyst-62").accept("text/csv").queryParam("jurisdiction", "6208")
                .get(SCORECARDS).then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(text).startsWith("jurisdiction,period,rank,county,score,indicator,");
    }

    @ParameterizedTest(name = "{0} reading the scorecards of {1} gets {2}")
    @CsvSource({"analyst-62, 6208, 200", "analyst-62, 44, 403", "supervisor-6208, 620821, 200",
            "supervisor-6208, 62, 403", "clerk-620821, 620821, 200", "clerk-620821, 6208, 403", "admin, 44, 200"})
    void nobodyReadsAnotherJurisdictionsScorecards(String user, String scope, int status) {
        as(user).queryParam("jurisdiction", scope).get(SCORECARDS).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} setting a target for {1} gets {2}")
    @CsvSource({"supervisor-6208, 6208, 200", "supervisor-6208, 620821, 200", "supervisor-6208, 44, 403",
            "analyst-62, 62, 403", "clerk-620821, 620821, 403"})
    void onlySupervisorsWithinTheirJurisdictionAndAdminsSetTargets(String user, String scope, int status) {
        as(user).contentType(ContentType.JSON)
                .body(Map.of("jurisdiction", scope, "value", 0.85, "direction", "AT_LEAST", "weight", 20))
                .put(TARGETS, "notificationTimeliness").then().statusCode(status);
    }

    @Test
    void targetsThatMakeNoSenseAreRejectedAndChangeNothing() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("jurisdiction", jurisdiction, "value", 0.5, "direction", "AT_LEAST", "weight", 500))
                .put(TARGETS, "recordQuality").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("weight"));
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("jurisdiction", jurisdiction, "value", 2.0, "direction", "AT_LEAST", "weight", 5))
                .put(TARGETS, "recordQuality").then().statusCode(400);
        as("admin").contentType(ContentType.JSON).body("{\"value\":")
                .put(TARGETS, "recordQuality").then().statusCode(400);
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("value", 0.5, "direction", "AT_LEAST", "weight", 5))
                .put(TARGETS, "happiness").then().statusCode(404);

        as("admin").queryParam("jurisdiction", jurisdiction).get("/api/assessment/targets").then().statusCode(200)
                .body("find { it.indicator == 'recordQuality' }.value", equalTo(0.95f))
                .body("find { it.indicator == 'recordQuality' }.jurisdiction", equalTo(""));
        given().contentType(ContentType.JSON).body(Map.of("value", 0.5, "direction", "AT_LEAST", "weight", 5))
                .put(TARGETS, "recordQuality").then().statusCode(401);
    }

    private JsonPath ranking() {
        return as("admin").queryParam("jurisdiction", jurisdiction).queryParam("period", month.toString())
                .get(SCORECARDS).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> scores(JsonPath ranking) {
        Map<String, Object> scores = new java.util.HashMap<>();
        ranking.getList("counties", Map.class).forEach(entry -> {
            Map<?, ?> card = (Map<?, ?>) entry.get("scorecard");
            scores.put((String) card.get("county"), card.get("score"));
        });
        return scores;
    }

    private static int rankOf(JsonPath ranking, String county) {
        return ranking.getInt("counties.find { it.scorecard.county == '" + county + "' }.rank");
    }
}
