package org.liudong.e2e.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.liudong.e2e.deployment.Conventions.ServiceSpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The single-host Compose file (deploy/compose.yaml) runs the same services on the same ports with the same settings
 * as Kubernetes, creates the same topics and databases, and takes every password from the git-ignored deploy/.env.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Manifests.path("deploy/compose.yaml");
    private static final JsonNode COMPOSE = Manifests.document(COMPOSE_FILE).path("services");
    private static final List<ServiceSpec> SERVICES = Conventions.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachServiceIsBuiltFromTheSharedImageFileAndGetsEverySettingOnItsPort(ServiceSpec service) {
        JsonNode compose = COMPOSE.path(service.module());
        assertThat(compose.path("build").path("dockerfile").asText()).isEqualTo("deploy/images/Dockerfile.jvm");
        assertThat(compose.path("build").path("args").path("SERVICE").asText()).isEqualTo(service.module());
        assertThat(compose.path("build").path("args").path("PORT").asInt()).isEqualTo(service.port());
        // the image's default is C1 only; the gateway, as deploy/up starts it, runs with C1 and C2
        JsonNode compiler = compose.path("build").path("args").path("COMPILER");
        if (service.module().equals("gateway")) {
            assertThat(compiler.isTextual() && compiler.asText().isEmpty()).as("gateway COMPILER: \"\"").isTrue();
        } else {
            assertThat(compiler.isMissingNode()).as(service.module() + " COMPILER").isTrue();
        }

        JsonNode environment = compose.path("environment");
        Set<String> names = new TreeSet<>();
        environment.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsAll(service.environment());
        assertThat(environment.path("QUARKUS_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
        assertThat(environment.path("QUARKUS_HTTP_PORT").asInt()).isEqualTo(service.port());
        for (String secret : Conventions.SECRET_SETTINGS) {
            if (environment.has(secret)) {
                assertThat(environment.path(secret).asText()).as(secret).matches("\\$\\{\\w+:\\?.*}");
            }
        }
        environment.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("LIUDONG_") && entry.getKey().endsWith("_URL")) {
                assertThat(entry.getValue().asText()).as(entry.getKey())
                        .isIn(SERVICES.stream().map(ServiceSpec::url).toList());
            }
        });
        if (service.database() != null) {
            assertThat(environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).endsWith("/" + service.database());
            assertThat(environment.path("QUARKUS_DATASOURCE_USERNAME").asText()).isEqualTo(service.database());
        }

        assertThat(healthcheck(compose)).contains("/" + service.port(), "/q/health/ready");
    }

    @Test
    void everyServiceStartsOnlyOnceWhatItNeedsIsHealthy() {
        List<String> unconditional = new ArrayList<>();
        COMPOSE.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
                .forEachRemaining(dependency -> {
                    if (!dependency.getValue().has("condition")) {
                        unconditional.add(service.getKey() + " → " + dependency.getKey());
                    }
                }));
        assertThat(unconditional).isEmpty();
        for (ServiceSpec service : List.of(Conventions.REGISTRY, Conventions.MIGRATION, Conventions.ASSESSMENT)) {
            JsonNode dependsOn = COMPOSE.path(service.module()).path("depends_on");
            assertThat(dependsOn.path("postgres").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.path("kafka-topics").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void onlyTheGatewayIsPublishedAmongTheServices() {
        for (ServiceSpec service : SERVICES) {
            JsonNode ports = COMPOSE.path(service.module()).path("ports");
            if (service == Conventions.GATEWAY) {
                assertThat(ports).hasSize(1);
                assertThat(ports.get(0).asText()).endsWith(":" + service.port());
            } else {
                assertThat(ports.isMissingNode()).as(service + " is not published").isTrue();
            }
        }
    }

    @Test
    void theTopicScriptCreatesTheConventionalTopics() {
        Map<String, Integer> partitions = new HashMap<>();
        calls("deploy/compose/create-topics.sh", "(?m)^create (\\S+) (\\d+)$")
                .forEach((topic, count) -> partitions.put(topic, Integer.parseInt(count)));
        assertThat(partitions).isEqualTo(Conventions.TOPICS);
        assertThat(COMPOSE.path("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText())
                .isEqualTo("false");
    }

    @Test
    void thePostgresInitCreatesEachServicesDatabaseWithAPasswordFromTheEnvironment() {
        Map<String, String> passwords = calls("deploy/compose/postgres-init.sh", "(?m)^create (\\w+) \"\\$(\\w+)\"$");
        assertThat(passwords.keySet()).isEqualTo(SERVICES.stream().map(ServiceSpec::database)
                .filter(database -> database != null).collect(Collectors.toSet()));
        JsonNode postgres = COMPOSE.path("postgres").path("environment");
        passwords.values().forEach(variable -> assertThat(postgres.has(variable)).as(variable).isTrue());
    }

    @Test
    void everyPasswordComesFromTheIgnoredEnvFileWhoseExampleHoldsNoValue() {
        Set<String> required = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{(\\w+):\\?").matcher(Manifests.text(COMPOSE_FILE));
        while (variable.find()) {
            required.add(variable.group(1));
        }
        Map<String, String> example = new HashMap<>();
        for (String line : Manifests.text(Manifests.path("deploy/compose.env.example")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(example.keySet()).isEqualTo(required);
        assertThat(example.values()).allSatisfy(value -> assertThat(value).isEmpty());
        assertThat(Manifests.text(Manifests.path(".gitignore"))).containsPattern("(?m)^/?deploy/\\.env$");
    }

    @Test
    void keycloakIsTheDemoOneWithTheDemoRealm() {
        JsonNode keycloak = COMPOSE.path("keycloak");
        assertThat(keycloak.path("image").asText()).isEqualTo("quay.io/keycloak/keycloak:26.5.6");
        List<String> command = new ArrayList<>();
        keycloak.path("command").forEach(part -> command.add(part.asText()));
        assertThat(command).containsExactly("start-dev", "--import-realm");
        assertThat(keycloak.path("volumes").get(0).asText())
                .startsWith("./keycloak/liudong-realm.json:/opt/keycloak/data/import/");
        assertThat(Manifests.text(COMPOSE_FILE)).contains("DEMO ONLY");
    }

    /** The two arguments of each call a script makes, first → second, found by a pattern with two groups. */
    private static Map<String, String> calls(String script, String pattern) {
        Map<String, String> calls = new HashMap<>();
        Matcher call = Pattern.compile(pattern).matcher(Manifests.text(Manifests.path(script)));
        while (call.find()) {
            calls.put(call.group(1), call.group(2));
        }
        return calls;
    }

    private static String healthcheck(JsonNode service) {
        List<String> parts = new ArrayList<>();
        service.path("healthcheck").path("test").forEach(part -> parts.add(part.asText()));
        return String.join(" ", parts);
    }
}
