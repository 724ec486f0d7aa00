package org.liudong.e2e.deployment;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every way of running the platform must agree on (the team's conventions and {@code Services.environment} in
 * deploy/stack): each service's port, database and the environment variables it reads, and the topics.
 */
final class Conventions {

    private static final List<String> EVERY_SERVICE = List.of(
            "QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PORT", "QUARKUS_OIDC_AUTH_SERVER_URL");
    private static final List<String> WITH_DATABASE = List.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS");
    private static final List<String> ID_NUMBER_KEYS = List.of(
            "LIUDONG_CRYPTO_ID_NUMBER_KEY", "LIUDONG_CRYPTO_ID_INDEX_KEY");

    /** Set by the image (deploy/images/Dockerfile.jvm), not by a deployment. */
    static final String IMAGE_ENVIRONMENT = "MALLOC_ARENA_MAX";

    /** Settings that hold a password or key: they come from a Secret, never from a ConfigMap or a literal. */
    static final List<String> SECRET_SETTINGS = List.of(
            "QUARKUS_DATASOURCE_PASSWORD", "LIUDONG_CRYPTO_ID_NUMBER_KEY", "LIUDONG_CRYPTO_ID_INDEX_KEY");

    static final ServiceSpec REGISTRY = new ServiceSpec("registry-service", 8081, "liudong_registry",
            settings(EVERY_SERVICE, WITH_DATABASE, ID_NUMBER_KEYS));
    static final ServiceSpec MIGRATION = new ServiceSpec("migration-service", 8082, "liudong_migration",
            settings(EVERY_SERVICE, WITH_DATABASE, ID_NUMBER_KEYS, List.of("LIUDONG_MIGRATION_REGISTRY_URL")));
    static final ServiceSpec ASSESSMENT = new ServiceSpec("assessment-service", 8083, "liudong_assessment",
            settings(EVERY_SERVICE, WITH_DATABASE));
    static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080, null,
            settings(EVERY_SERVICE, List.of("LIUDONG_GATEWAY_REGISTRY_URL", "LIUDONG_GATEWAY_MIGRATION_URL",
                    "LIUDONG_GATEWAY_ASSESSMENT_URL")));
    static final List<ServiceSpec> SERVICES = List.of(REGISTRY, MIGRATION, ASSESSMENT, GATEWAY);

    /** Topic → partitions: the event topics scale out by 6, the dead-letter topics keep one order. */
    static final Map<String, Integer> TOPICS = Map.of(
            "registry.events", 6, "migration.events", 6, "assessment.events", 6,
            "migration-service.dlq", 1, "assessment-service.dlq", 1);

    private Conventions() {
    }

    /**
     * A service: its module (also its name in Kubernetes and Compose), HTTP port, database (null when it has none)
     * and the environment variables it must be given.
     */
    record ServiceSpec(String module, int port, String database, List<String> environment) {

        /** The address other services reach it at, in Kubernetes and in Compose alike. */
        String url() {
            return "http://" + module + ":" + port;
        }

        @Override
        public String toString() {
            return module;
        }
    }

    @SafeVarargs
    private static List<String> settings(List<String>... groups) {
        return Stream.of(groups).flatMap(List::stream).toList();
    }
}
