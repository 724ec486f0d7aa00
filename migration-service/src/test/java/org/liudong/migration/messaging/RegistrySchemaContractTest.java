package org.liudong.migration.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liudong.migration.support.EventSchemas;
import org.liudong.migration.support.People;
import org.liudong.migration.support.RegistryTopic;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.events.EventTypes;
import org.liudong.platform.identity.IdNumberCipher;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer side of the registry's event contract: what this service reads is what the registry promises. */
class RegistrySchemaContractTest {

    private static final IdNumberCipher CIPHER = new IdNumberCipher(key(1), key(2));
    private static final Set<String> FIELDS_READ = Set.of("personId", "county", "idIndex", "sex", "birthYear",
            "status", "occurredAt");

    static Stream<String> consumedTypes() {
        return RegistryEvents.PERSON_LEVEL.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("consumedTypes")
    void theRegistryPublishesASchemaForEveryTypeThisServiceConsumes(String type) {
        assertThat(Files.exists(EventSchemas.file(EventSchemas.REGISTRY, type))).as(type).isTrue();
    }

    @ParameterizedTest
    @MethodSource("consumedTypes")
    void everyFieldTheProjectionReadsIsRequiredByTheRegistrySchema(String type) throws Exception {
        JsonNode schema = RegistryTopic.JSON.readTree(EventSchemas.text(EventSchemas.REGISTRY, type));
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(field -> required.add(field.asText()));
        assertThat(required).containsAll(FIELDS_READ);
        assertThat(schema.get("properties").has("householdId")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("consumedTypes")
    void theTestEventsShapedLikeTheRegistrysValidateAndTheProjectionReadsThem(String type) throws Exception {
        People.TestPerson person = People.in("620821", CIPHER);
        String status = type.contains("death") ? "DECEASED" : type.contains("cancelled") ? "CANCELLED" : "ACTIVE";
        CloudEvent event = RegistryTopic.personEvent(EventTypes.eventName(type), person, status, Instant.now());
        String data = RegistryTopic.JSON.writeValueAsString(event.data);

        assertThat(EventSchemas.violations(EventSchemas.REGISTRY, type, data)).isEmpty();
        PersonState state = PersonState.of(event.data);
        assertThat(state.personId()).isEqualTo(person.id());
        assertThat(state.idIndex()).isEqualTo(person.idIndex());
        assertThat(state.status()).isEqualTo(status);
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return Base64.getEncoder().encodeToString(key);
    }
}
