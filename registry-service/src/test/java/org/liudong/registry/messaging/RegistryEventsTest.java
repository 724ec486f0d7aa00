package org.liudong.registry.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.IdNumberCipher;
import org.liudong.registry.support.Api;
import org.liudong.registry.support.EventSchemas;
import org.liudong.registry.support.RegistryTopic;
import org.liudong.stack.testing.PlatformTestResource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class RegistryEventsTest {

    static RegistryTopic topic;

    @Inject
    IdNumberCipher cipher;

    @BeforeAll
    static void listen() {
        topic = new RegistryTopic();
    }

    @AfterAll
    static void stop() {
        topic.close();
    }

    @Test
    void registeringAHouseholdPublishesHouseholdAndPersonEventsThatMatchTheirSchemas() {
        Map<String, Object> head = person("HEAD");
        Map<String, Object> child = person("CHILD");
        JsonPath household = Api.newHousehold(head, child);
        String householdId = household.getString("id");

        RegistryTopic.Received registered = topic.await(RegistryEvents.type("household-registered"), householdId);
        assertThat(registered.key()).isEqualTo(householdId);
        assertThat(registered.contentType()).startsWith("application/cloudevents+json");
        JsonNode event = registered.event();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/liudong/registry-service");
        assertThat(event.path("county").asText()).isEqualTo("620821");
        assertThat(event.path("dataschema").asText()).isEqualTo("urn:liudong:schema:liudong.registry.household-registered.v1");
        assertThat(event.path("data").path("memberCount").asInt()).isEqualTo(2);
        assertThat(event.path("data").path("householdNumber").asText()).isEqualTo(household.getString("householdNumber"));
        assertThat(EventSchemas.violations(event.path("type").asText(), event.path("data").toString())).isEmpty();

        for (Map<String, Object> member : new Map[] {head, child}) {
            String personId = household.getString("members.find { it.relation == '" + member.get("relation") + "' }.personId");
            RegistryTopic.Received received = topic.await(RegistryEvents.type("person-registered"), personId);
            assertThat(received.key()).isEqualTo(personId);
            JsonNode data = received.event().path("data");
            assertThat(data.path("householdId").asText()).isEqualTo(householdId);
            assertThat(data.path("relation").asText()).isEqualTo(member.get("relation"));
            assertThat(data.path("sex").asText()).isEqualTo(member.get("sex"));
            assertThat(data.path("birthYear").asInt()).isEqualTo(Integer.parseInt(member.get("birthDate").toString().substring(0, 4)));
            assertThat(data.path("idIndex").asText()).isEqualTo(cipher.index(member.get("idNumber").toString()));
            assertThat(data.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(received.event().toString())
                    .doesNotContain(member.get("idNumber").toString())
                    .doesNotContain(member.get("name").toString())
                    .doesNotContain("138 0000 0000");
            assertThat(EventSchemas.violations(received.event().path("type").asText(), data.toString())).isEmpty();
        }
    }

    /** The relay publishes by outbox id and keys by person: a consumer sees one person's changes as they were made. */
    @Test
    void aPersonsEventsArriveInTheOrderOfTheChanges() {
        String personId = Api.newHousehold(person("HEAD")).getString("members[0].personId");
        for (String phone : new String[]{"139 0000 0001", "139 0000 0002"}) {
            Api.as(Api.CLERK).contentType(ContentType.JSON).header("If-Match", Api.etagOfPerson(personId))
                    .body(Map.of("phone", phone)).patch("/api/registry/persons/" + personId).then().statusCode(200);
        }
        Api.as(Api.CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-01-01"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(200);

        topic.await(RegistryEvents.type("death-registered"), personId);
        assertThat(topic.withKey(personId)).extracting(r -> r.event().path("type").asText()).containsExactly(
                RegistryEvents.type("person-registered"), RegistryEvents.type("person-corrected"),
                RegistryEvents.type("person-corrected"), RegistryEvents.type("death-registered"));
    }

    @Test
    void schemasRejectPayloadsThatCarryPersonalData() {
        String withName = """
                {"personId":"7d1f3c52-8a7b-4a51-9a4e-1b2c3d4e5f60","county":"620821","sex":"F","birthYear":1990,
                 "idIndex":"%s","householdId":"7d1f3c52-8a7b-4a51-9a4e-1b2c3d4e5f61","relation":"HEAD",
                 "status":"ACTIVE","occurredAt":"2026-01-01T00:00:00Z","name":"李娜"}""".formatted("a".repeat(64));
        assertThat(EventSchemas.violations(RegistryEvents.type("person-registered"), withName)).isNotEmpty();
        assertThat(EventSchemas.violations(RegistryEvents.type("person-registered"), withName.replace(",\"name\":\"李娜\"", "")))
                .isEmpty();
    }
}
