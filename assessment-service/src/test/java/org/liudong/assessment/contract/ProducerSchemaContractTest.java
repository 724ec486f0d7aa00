package org.liudong.assessment.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.support.SampleEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events this service is tested with are the events the producers promise: each sample's {@code data}
 * validates against the producer's JSON Schema ({@code <service>/src/main/resources/schemas/<type>.json}),
 * and every event type a producer declares that this service reads has a sample.
 */
class ProducerSchemaContractTest {

    private static final Path REGISTRY_SCHEMAS = Path.of("../registry-service/src/main/resources/schemas");
    private static final Path MIGRATION_SCHEMAS = Path.of("../migration-service/src/main/resources/schemas");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void everyRegistryEventTheServiceReadsHasAProducerSchemaAndMatchesIt() throws IOException {
        Map<String, ObjectNode> samples = byType(SampleEvents.registryCatalogue());
        Map<String, Path> schemas = schemasIn(REGISTRY_SCHEMAS);

        assertThat(schemas.keySet()).containsAll(samples.keySet());
        samples.forEach((type, event) -> assertMatches(schemas.get(type), event));
    }

    @Test
    void migrationEventsMatchEveryProducerSchemaPublishedSoFar() throws IOException {
        Map<String, ObjectNode> samples = byType(SampleEvents.migrationCatalogue());
        Map<String, Path> schemas = schemasIn(MIGRATION_SCHEMAS);

        assertThat(samples.keySet()).containsAll(schemas.keySet());
        schemas.forEach((type, schema) -> assertMatches(schema, samples.get(type)));
    }

    private static void assertMatches(Path schemaFile, ObjectNode event) {
        try {
            Schema schema = SCHEMAS.getSchema(Files.readString(schemaFile));
            List<Error> errors = schema.validate(event.get("data").toString(), InputFormat.JSON);
            assertThat(errors).as("%s against %s", event.get("type").asText(), schemaFile.getFileName()).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, ObjectNode> byType(List<ObjectNode> events) {
        return events.stream().collect(Collectors.toMap(e -> e.get("type").asText(), Function.identity()));
    }

    private static Map<String, Path> schemasIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .collect(Collectors.toMap(f -> f.getFileName().toString().replaceFirst("\\.json$", ""),
                            Function.identity()));
        }
    }
}
