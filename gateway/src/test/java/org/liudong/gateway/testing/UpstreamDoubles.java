package org.liudong.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the services behind the gateway: registry-service and migration-service are {@link EchoUpstream}s
 * on random ports of 127.0.0.1; assessment-service points at a port where nothing listens, as if it were down.
 */
public class UpstreamDoubles implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private EchoUpstream registry;
    private EchoUpstream migration;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        registry = new EchoUpstream("registry", OpenApiDocuments.registry());
        migration = new EchoUpstream("migration", OpenApiDocuments.migration());
        try {
            return Map.of(
                    "liudong.gateway.registry-url", "http://127.0.0.1:" + registry.start(vertx),
                    "liudong.gateway.migration-url", "http://127.0.0.1:" + migration.start(vertx),
                    "liudong.gateway.assessment-url", "http://127.0.0.1:" + portWhereNothingListens());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the upstream doubles", e);
        }
    }

    @Override
    public void stop() {
        if (vertx == null) {
            return;
        }
        try {
            registry.stop();
            migration.stop();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the upstream doubles", e);
        }
    }

    private static int portWhereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Two small service documents: a shared {@code Problem} schema, and a {@code Person} each defines its own way. */
    static final class OpenApiDocuments {

        static JsonObject registry() {
            return new JsonObject("""
                    {"openapi": "3.1.0", "info": {"title": "registry-service", "version": "1"},
                     "tags": [{"name": "Households"}],
                     "paths": {"/api/registry/households": {"post": {"tags": ["Households"],
                        "responses": {"201": {"content": {"application/json":
                            {"schema": {"$ref": "#/components/schemas/Person"}}}},
                                      "400": {"content": {"application/problem+json":
                            {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                     "components": {"schemas": {
                        "Problem": {"type": "object", "properties": {"type": {"type": "string"}}},
                        "Person": {"type": "object", "properties": {"idNumber": {"type": "string"}}}}}}
                    """);
        }

        static JsonObject migration() {
            return new JsonObject("""
                    {"openapi": "3.1.0", "info": {"title": "migration-service", "version": "1"},
                     "tags": [{"name": "Moves"}],
                     "paths": {"/api/migration/departures": {"post": {"tags": ["Moves"],
                        "responses": {"201": {"content": {"application/json":
                            {"schema": {"$ref": "#/components/schemas/Person"}}}},
                                      "400": {"content": {"application/problem+json":
                            {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                     "components": {"schemas": {
                        "Problem": {"type": "object", "properties": {"type": {"type": "string"}}},
                        "Person": {"type": "object", "properties": {"personId": {"type": "string"}}}}}}
                    """);
        }
    }
}
