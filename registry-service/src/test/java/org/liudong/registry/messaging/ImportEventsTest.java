package org.liudong.registry.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.domain.Relation;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ImportEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void personEventIsACloudEventWithTheCatalogueFields() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.parse("2026-03-04T05:06:07.123456Z");
        JsonNode event = json.readTree(new ImportEvents("620821", now).person(RegistryEvents.MEMBER_ADDED, eventId,
                person, household, Sex.F, 1990, "ab".repeat(32), Relation.CHILD));

        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(eventId.toString());
        assertThat(event.path("source").asText()).isEqualTo(RegistryEvents.SOURCE);
        assertThat(event.path("type").asText()).isEqualTo("liudong.registry.member-added.v1");
        assertThat(event.path("subject").asText()).isEqualTo(person.toString());
        assertThat(event.path("time").asText()).isEqualTo("2026-03-04T05:06:07.123456Z");
        assertThat(event.path("dataschema").asText()).isEqualTo("urn:liudong:schema:liudong.registry.member-added.v1");
        assertThat(event.path("county").asText()).isEqualTo("620821");
        JsonNode data = event.path("data");
        assertThat(data.path("personId").asText()).isEqualTo(person.toString());
        assertThat(data.path("householdId").asText()).isEqualTo(household.toString());
        assertThat(data.path("sex").asText()).isEqualTo("F");
        assertThat(data.path("birthYear").asInt()).isEqualTo(1990);
        assertThat(data.path("relation").asText()).isEqualTo("CHILD");
        assertThat(data.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(data.path("occurredAt").asText()).isEqualTo("2026-03-04T05:06:07.123456Z");
    }

    @Test
    void householdEventEscapesWhatJsonRequires() throws Exception {
        JsonNode event = json.readTree(new ImportEvents("620821", OffsetDateTime.now()).householdRegistered(
                UUID.randomUUID(), UUID.randomUUID(), "a\"b\\c\n", "620821100", 3));

        assertThat(event.path("type").asText()).isEqualTo("liudong.registry.household-registered.v1");
        assertThat(event.path("data").path("householdNumber").asText()).isEqualTo("a\"b\\c\n");
        assertThat(event.path("data").path("memberCount").asInt()).isEqualTo(3);
    }
}
