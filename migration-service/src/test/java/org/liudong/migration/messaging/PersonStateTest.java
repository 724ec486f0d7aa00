package org.liudong.migration.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liudong.migration.support.RegistryTopic;
import org.liudong.platform.consumer.PoisonEventException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonStateTest {

    private static ObjectNode valid() {
        return RegistryTopic.JSON.createObjectNode()
                .put("personId", UUID.randomUUID().toString())
                .put("county", "620821")
                .put("sex", "F")
                .put("birthYear", 1990)
                .put("idIndex", "a".repeat(64))
                .put("householdId", UUID.randomUUID().toString())
                .put("relation", "HEAD")
                .put("status", "ACTIVE")
                .put("occurredAt", "2026-11-28T10:15:30.123Z");
    }

    @Test
    void readsAValidPersonEvent() {
        PersonState state = PersonState.of(valid());
        assertThat(state.county()).isEqualTo("620821");
        assertThat(state.birthYear()).isEqualTo(1990);
        assertThat(state.householdId()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
            "personId, not-a-uuid, data.personId is not a UUID",
            "county, 6208, data.county is not a six-digit division code",
            "idIndex, 620821199003071245, data.idIndex is not a hex HMAC-SHA256",
            "sex, X, data.sex must be M or F",
            "status, GONE, data.status must be",
            "occurredAt, yesterday, data.occurredAt is not an ISO instant"})
    void namesTheFieldThatMakesAnEventPoison(String field, String value, String reason) {
        ObjectNode data = valid().put(field, value);
        assertThatThrownBy(() -> PersonState.of(data)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aMissingBirthYearIsPoison() {
        ObjectNode data = valid();
        data.remove("birthYear");
        assertThatThrownBy(() -> PersonState.of(data)).hasMessageContaining("data.birthYear must be an integer");
    }
}
