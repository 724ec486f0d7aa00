package org.liudong.stack;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Ports and options of the local stack. Each setting is read from a system property ({@code liudong.kafka.port})
 * or else from the matching environment variable ({@code LIUDONG_KAFKA_PORT}), falling back to the default.
 */
public record StackSettings(
        String host,
        int postgresPort,
        Optional<String> postgresAdminUrl,
        Optional<String> postgresAdminUser,
        Optional<String> postgresAdminPassword,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaPartitions,
        String kafkaHeap,
        int keycloakPort,
        boolean keepRunning,
        Duration startTimeout,
        int gatewayPort,
        int registryPort,
        int migrationPort,
        int assessmentPort,
        String serviceHeap,
        boolean seedDemo) {

    public static final String REALM = "liudong";

    public static StackSettings fromEnvironment() {
        return new StackSettings(
                string("liudong.stack.host").orElse("127.0.0.1"),
                integer("liudong.pg.port", 5432),
                string("liudong.pg.admin-url"),
                string("liudong.pg.admin-user"),
                string("liudong.pg.admin-password"),
                integer("liudong.kafka.port", 9092),
                integer("liudong.kafka.controller-port", 9093),
                integer("liudong.kafka.partitions", 6),
                string("liudong.kafka.heap").orElse("512m"),
                integer("liudong.keycloak.port", 8180),
                Boolean.parseBoolean(string("liudong.stack.keep-running").orElse("false")),
                Duration.ofSeconds(integer("liudong.stack.start-timeout-seconds", 240)),
                integer("liudong.stack.gateway-port", 8080),
                integer("liudong.stack.registry-port", 8081),
                integer("liudong.stack.migration-port", 8082),
                integer("liudong.stack.assessment-port", 8083),
                string("liudong.stack.service-heap").orElse("256m"),
                Boolean.parseBoolean(string("liudong.stack.seed").orElse("true")));
    }

    public String kafkaBootstrapServers() {
        return host + ":" + kafkaPort;
    }

    public String keycloakUrl() {
        return "http://" + host + ":" + keycloakPort;
    }

    /** The value of {@code quarkus.oidc.auth-server-url} for the services. */
    public String authServerUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** The public entry of the platform: the gateway. */
    public String gatewayUrl() {
        return "http://" + host + ":" + gatewayPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + database;
    }

    /** A system property, or else the environment variable of the same name in upper case with underscores. */
    public static Optional<String> string(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(property));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static int integer(String property, int defaultValue) {
        return string(property).map(Integer::parseInt).orElse(defaultValue);
    }
}
