package org.liudong.migration.support;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON Schemas of event {@code data}: this service's own (src/main/resources/schemas) and the registry's, read
 * from the registry module itself so a change there breaks this build instead of drifting.
 */
public final class EventSchemas {

    public static final Path OWN = Path.of("src/main/resources/schemas");
    public static final Path REGISTRY = Path.of("../registry-service/src/main/resources/schemas");

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {
    }

    public static Path file(Path directory, String type) {
        return directory.resolve(type + ".json");
    }

    public static String text(Path directory, String type) {
        try {
            return Files.readString(file(directory, type));
        } catch (IOException e) {
            throw new UncheckedIOException("no schema for " + type + " in " + directory, e);
        }
    }

    public static Schema of(Path directory, String type) {
        return SCHEMAS.getSchema(text(directory, type), InputFormat.JSON);
    }

    /** Why {@code data} breaks the schema of its type; empty when it validates. */
    public static List<String> violations(Path directory, String type, String data) {
        return of(directory, type).validate(data, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
