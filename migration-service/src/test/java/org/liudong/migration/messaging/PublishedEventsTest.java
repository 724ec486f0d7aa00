package org.liudong.migration.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liudong.migration.service.MoveService;
import org.liudong.migration.service.VerificationService;
import org.liudong.migration.support.EventSchemas;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.RegistryTopic;
import org.liudong.migration.support.Residents;
import org.liudong.migration.support.Topics;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.migration.support.Api.*;

/** Drives every kind of change, then reads migration.events: each event validates against its schema. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class PublishedEventsTest {

    @Inject
    Residents residents;

    @Inject
    MoveService moves;

    @Inject
    VerificationService verifications;

    /** The counties' today, as the service judges dates (due dates, lapsing, expiry). */
    @Inject
    RegisterCalendar calendar;

    private final Set<String> subjects = new HashSet<>();
    private final List<People.TestPerson> people = new ArrayList<>();

    @Test
    void everyChangePublishesAnEventThatValidatesAgainstItsSchemaAndCarriesNoPersonalData() throws Exception {
        driveEveryChange();

        List<ConsumerRecord<String, String>> records = Topics.awaitRecords(org.liudong.platform.events.Topics.MIGRATION_EVENTS,
                record -> subjects.contains(read(record).path("subject").asText()),
                found -> typesOf(found).containsAll(MigrationEvents.ALL));

        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = read(record);
            String type = event.path("type").asText();
            JsonNode data = event.path("data");
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("source").asText()).isEqualTo(MigrationEvents.SOURCE);
            assertThat(event.path("dataschema").asText()).isEqualTo("urn:liudong:schema:" + type);
            assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.path("time").asText()).isNotBlank();
            assertThat(event.path("origincounty").asText()).matches("\\d{6}");
            assertThat(event.path("destcounty").asText()).matches("\\d{6}");
            assertThat(Topics.header(record, "content-type")).startsWith("application/cloudevents+json");
            assertThat(EventSchemas.violations(EventSchemas.OWN, type, data.toString())).as(type).isEmpty();
            String personKey = data.path("personId").isTextual() ? data.path("personId").asText() : null;
            if (personKey != null) {
                assertThat(record.key()).as("key of " + type).isEqualTo(personKey);
            }
            for (People.TestPerson person : people) {
                assertThat(record.value()).doesNotContain(person.idNumber().value()).doesNotContain(person.name());
            }
        }
    }

    private void driveEveryChange() {
        People.TestPerson settling = registered();
        String settled = track(depart(settling, DESTINATION));
        arrive(settling, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201);
        as(DESTINATION_CLERK).post("/api/migration/moves/" + settled + "/residence/renew").then().statusCode(200);
        Map<String, Object> onward = departure(settling, THIRD);
        onward.put("originCounty", DESTINATION);
        track(as(DESTINATION_CLERK).body(onward).post("/api/migration/departures").then().statusCode(201)
                .extract().path("id"));
        arrive(settling, DESTINATION, THIRD, THIRD_CLERK).then().statusCode(201);

        String rejected = track(depart(registered(), DESTINATION));
        as(DESTINATION_CLERK).body(Map.of("reason", "wrong county")).post("/api/migration/moves/" + rejected + "/reject")
                .then().statusCode(200);
        String revoked = track(depart(registered(), DESTINATION));
        as(ORIGIN_CLERK).post("/api/migration/moves/" + revoked + "/revoke").then().statusCode(200);

        Map<String, Object> old = departure(registered(), DESTINATION);
        old.put("departedOn", calendar.today().minusDays(45).toString());
        track(as(ORIGIN_CLERK).body(old).post("/api/migration/departures").then().statusCode(201).extract().path("id"));
        moves.lapseOverdue(calendar.today(), 500);

        People.TestPerson longAgo = registered();
        Map<String, Object> departure = departure(longAgo, DESTINATION);
        departure.put("departedOn", calendar.today().minusDays(400).toString());
        String expiring = track(as(ORIGIN_CLERK).body(departure).post("/api/migration/departures").then()
                .statusCode(201).extract().path("id"));
        Map<String, Object> arrival = arrival(longAgo, ORIGIN, DESTINATION);
        arrival.put("arrivedOn", calendar.today().minusDays(390).toString());
        as(DESTINATION_CLERK).body(arrival).post("/api/migration/arrivals").then().statusCode(201);
        moves.expireResidences(calendar.today(), 500);
        as(ORIGIN_CLERK).body(Map.of()).post("/api/migration/moves/" + expiring + "/return").then().statusCode(200);

        People.TestPerson unannounced = residents.unknown(ORIGIN);
        people.add(unannounced);
        var created = arrive(unannounced, ORIGIN, DESTINATION, DESTINATION_CLERK).then().statusCode(201).extract();
        track(created.path("id"));
        String verificationId = track(created.path("verificationId"));
        verifications.remindDue(calendar.today().plusDays(29), 500);
        verifications.markOverdue(calendar.today().plusDays(31), 500);
        as(ORIGIN_CLERK).body(Map.of("outcome", "CONFIRMED"))
                .post("/api/migration/verifications/" + verificationId + "/answer").then().statusCode(200);
    }

    private People.TestPerson registered() {
        People.TestPerson person = residents.registered(ORIGIN);
        people.add(person);
        return person;
    }

    private String track(String id) {
        subjects.add(id);
        return id;
    }

    private static Set<String> typesOf(List<ConsumerRecord<String, String>> records) {
        Set<String> types = new HashSet<>();
        records.forEach(record -> types.add(read(record).path("type").asText()));
        return types;
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return RegistryTopic.JSON.readTree(record.value());
        } catch (Exception e) {
            return RegistryTopic.JSON.createObjectNode();
        }
    }
}
