package org.liudong.registry.support;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The producer's own JSON Schemas (src/main/resources/schemas/&lt;type&gt;.json), as consumers read them. */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {
    }

    public static Schema of(String type) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema for " + type);
            }
            return REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reasons {@code data} breaks the schema of its type; empty when it validates. */
    public static List<String> violations(String type, String data) {
        return of(type).validate(data, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
