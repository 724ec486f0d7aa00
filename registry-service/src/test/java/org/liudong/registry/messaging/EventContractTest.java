package org.liudong.registry.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.support.Api;
import org.liudong.registry.support.EventSchemas;
import org.liudong.registry.support.RegistryTopic;
import org.liudong.stack.testing.PlatformTestResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.People.person;

/** Every event type the registry publishes, produced by real requests, read from Kafka and checked against its schema. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class EventContractTest {

    static final List<String> EVENTS = List.of(RegistryEvents.HOUSEHOLD_REGISTERED, RegistryEvents.PERSON_REGISTERED,
            RegistryEvents.MEMBER_ADDED, RegistryEvents.MEMBER_MOVED, RegistryEvents.HEAD_CHANGED,
            RegistryEvents.PERSON_CORRECTED, RegistryEvents.BIRTH_REGISTERED, RegistryEvents.DEATH_REGISTERED,
            RegistryEvents.PERSON_CANCELLED, RegistryEvents.HOUSEHOLD_DISSOLVED);

    @Test
    void everyPublishedEventTypeValidatesAgainstItsSchema() {
        try (RegistryTopic topic = new RegistryTopic()) {
            JsonPath first = Api.newHousehold(person("HEAD"), person("SPOUSE"));
            String firstId = first.getString("id");
            String spouse = first.getString("members.find { it.relation == 'SPOUSE' }.personId");
            String head = first.getString("headPersonId");
            String added = Api.newPerson(firstId, person("CHILD")).getString("id");
            String born = Api.as(CLERK).contentType(ContentType.JSON)
                    .body(person("CHILD", Sex.M, LocalDate.now().minusDays(1)))
                    .post("/api/registry/households/" + firstId + "/births").then().statusCode(201).extract().path("id");
            Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("personId", spouse, "formerHeadRelation", "SPOUSE"))
                    .post("/api/registry/households/" + firstId + "/head").then().statusCode(200);
            Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", Api.etagOfPerson(added))
                    .body(Map.of("name", "张改名")).patch("/api/registry/persons/" + added).then().statusCode(200);
            Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2025-01-01"))
                    .post("/api/registry/persons/" + head + "/death").then().statusCode(200);
            Api.as(CLERK).contentType(ContentType.JSON)
                    .body(Map.of("reason", "REGISTERED_IN_ERROR", "cancelledOn", LocalDate.now().toString()))
                    .post("/api/registry/persons/" + born + "/cancellation").then().statusCode(200);
            String second = Api.newHousehold(person("HEAD")).getString("id");
            String secondHead = Api.as(CLERK).get("/api/registry/households/" + second).then().extract().path("headPersonId");
            Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("personId", secondHead, "relation", "OTHER"))
                    .post("/api/registry/households/" + firstId + "/members").then().statusCode(200);
            Api.as(CLERK).post("/api/registry/households/" + second + "/dissolve").then().statusCode(200);

            Set<String> subjects = Set.of(firstId, second, head, spouse, added, born, secondHead);
            Set<String> seen = new TreeSet<>();
            topic.await(r -> {
                JsonNode event = r.event();
                if (subjects.contains(event.path("subject").asText())) {
                    String type = event.path("type").asText();
                    assertThat(EventSchemas.violations(type, event.path("data").toString())).as(type).isEmpty();
                    assertThat(event.path("dataschema").asText()).isEqualTo("urn:liudong:schema:" + type);
                    assertThat(r.key()).isEqualTo(event.path("subject").asText());
                    seen.add(type);
                }
                return seen.size() == EVENTS.size();
            });
            assertThat(seen).containsExactlyInAnyOrderElementsOf(EVENTS.stream().map(RegistryEvents::type).toList());
        }
    }

    @Test
    void theAsyncApiDocumentListsEveryEventTypeAndItsSchema() throws IOException {
        String asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String event : EVENTS) {
            String type = RegistryEvents.type(event);
            assertThat(asyncApi).contains(type).contains("schemas/" + type + ".json");
            assertThat(EventSchemas.of(type)).isNotNull();
        }
    }

    @Test
    void outboxLagIsExposedAsAMetric() {
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("liudong_outbox_lag_seconds"))
                .body(containsString("liudong_outbox_pending"));
    }
}
