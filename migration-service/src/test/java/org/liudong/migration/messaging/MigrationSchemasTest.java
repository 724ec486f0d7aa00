package org.liudong.migration.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.liudong.migration.support.EventSchemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type this service publishes has its JSON Schema and its place in asyncapi.yaml, and nothing else. */
class MigrationSchemasTest {

    static final List<String> TYPES = MigrationEvents.ALL;

    @ParameterizedTest
    @FieldSource("TYPES")
    void everyPublishedTypeHasASchemaAndAnAsyncApiMessage(String type) throws IOException {
        assertThat(EventSchemas.of(EventSchemas.OWN, type)).isNotNull();
        assertThat(EventSchemas.text(EventSchemas.OWN, type)).contains("\"$id\": \"urn:liudong:schema:" + type + "\"");
        String asyncApi = Files.readString(Path.of("src/main/resources/asyncapi.yaml"));
        assertThat(asyncApi).contains("name: " + type).contains("$ref: 'schemas/" + type + ".json'");
    }

    @Test
    void thereIsNoSchemaForATypeThatIsNeverPublished() throws IOException {
        try (Stream<Path> files = Files.list(EventSchemas.OWN)) {
            List<String> types = files.map(f -> f.getFileName().toString().replace(".json", "")).toList();
            assertThat(types).containsExactlyInAnyOrderElementsOf(TYPES);
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void noSchemaHasRoomForIdNumbersOrNames(String type) {
        String schema = EventSchemas.text(EventSchemas.OWN, type);
        assertThat(schema).contains("\"additionalProperties\": false").doesNotContain("\"idNumber\"")
                .doesNotContain("\"name\"");
    }
}
