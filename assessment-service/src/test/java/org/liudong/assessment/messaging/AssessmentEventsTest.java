package org.liudong.assessment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.support.Kafka;
import org.liudong.assessment.support.SampleEvents;
import org.liudong.stack.testing.PlatformTestResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.freshMonth;
import static org.liudong.assessment.support.SampleEvents.noon;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class AssessmentEventsTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void lateDeparturesBreachTheTargetAndPublishTheScorecardThroughTheOutbox() throws Exception {
        YearMonth month = freshMonth();
        String county = freshCounty();
        LocalDate departed = month.atDay(3);
        try (Kafka.Reader published = Kafka.readFromEnd("assessment.events")) {
            Kafka.publish("migration.events", departure(UUID.randomUUID(), UUID.randomUUID(), county, freshCounty(),
                    departed, departed.plusDays(20), noon(departed.plusDays(20))));

            List<JsonNode> events = await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(published, county),
                    found -> types(found).containsAll(List.of("liudong.assessment.indicator-breached.v1",
                            "liudong.assessment.scorecard-computed.v1")));

            JsonNode breached = ofType(events, "liudong.assessment.indicator-breached.v1").stream()
                    .filter(e -> e.at("/data/indicator").asText().equals("notificationTimeliness"))
                    .findFirst().orElseThrow();
            assertThat(breached.at("/data/period").asText()).isEqualTo(month.toString());
            assertThat(breached.at("/data/value").asDouble()).isZero();
            assertThat(breached.at("/data/target").asDouble()).isEqualTo(0.9);
            assertThat(breached.get("county").asText()).isEqualTo(county);
            assertThat(breached.get("source").asText()).isEqualTo("/liudong/assessment-service");
            for (JsonNode event : events) {
                assertMatchesOwnSchema(event);
                assertThat(event.toString()).doesNotContain("personId", "idIndex", "moveId");
            }
        }
    }

    private static List<JsonNode> eventsFor(Kafka.Reader reader, String county) {
        return reader.seen().stream().filter(r -> county.equals(r.key()))
                .map(ConsumerRecord::value).map(AssessmentEventsTest::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return SampleEvents.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    private static void assertMatchesOwnSchema(JsonNode event) throws Exception {
        String type = event.get("type").asText();
        String schema = Files.readString(Path.of("src/main/resources/schemas/" + type + ".json"));
        assertThat(SCHEMAS.getSchema(schema).validate(event.get("data").toString(), InputFormat.JSON))
                .as(type).isEmpty();
    }
}
