package org.liudong.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liudong.platform.events.CloudEvent;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A record's value is read the same from its text (live consumers) as from its UTF-8 bytes (a rebuild). */
class CloudEventReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final CloudEventReader reader = new CloudEventReader(JSON);

    @ParameterizedTest
    @ValueSource(strings = {"WORK", "广东省深圳市南山区粤海街道", "ｆｕｌｌ-width 　 and \"quotes\""})
    void textAndBytesGiveTheSameEvent(String value) throws Exception {
        String record = JSON.writeValueAsString(CloudEvent.of("/liudong/migration",
                "liudong.migration.departure-registered.v1", "subject",
                JsonNodeFactory.instance.objectNode().put("destinationAddress", value)));

        CloudEvent fromText = reader.read(record);
        CloudEvent fromBytes = reader.read(record.getBytes(StandardCharsets.UTF_8));

        assertThat(fromBytes.id).isEqualTo(fromText.id);
        assertThat(fromBytes.type).isEqualTo(fromText.type);
        assertThat(fromBytes.data).isEqualTo(fromText.data);
        assertThat(fromBytes.data.get("destinationAddress").asText()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{ not json", "null", "[]",
            "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"t\",\"data\":{}}",
            "{\"specversion\":\"0.3\",\"id\":\"0b5e1f64-2f43-4a4e-8d4e-3f4f5c1b9a10\",\"type\":\"t\",\"data\":{}}"})
    void unreadableRecordsArePoisonEitherWay(String record) {
        assertThatThrownBy(() -> reader.read(record)).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> reader.read(record.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class);
    }
}
