package org.liudong.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liudong.stack.ProcessControl.Owner;

class ServicesTest {

    @TempDir
    Path root;

    /** Whatever ports this machine's environment configures: the test checks the wiring, not the defaults. */
    private final StackSettings settings = StackSettings.fromEnvironment();

    private Services services() throws Exception {
        Files.createDirectories(root.resolve("deploy/keycloak"));
        StackPaths paths = new StackPaths(root);
        return new Services(settings, paths, LocalSecrets.of(paths), new Postgres(settings, paths));
    }

    @Test
    void eachServiceGetsOnlyTheSettingsItNeeds() throws Exception {
        Services services = services();
        Map<String, String> registry = services.environment(services.service(Services.REGISTRY));
        assertThat(registry).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(settings.registryPort()))
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "liudong_registry")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", settings.jdbcUrl("liudong_registry"))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers())
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", settings.authServerUrl())
                .containsKeys("QUARKUS_DATASOURCE_PASSWORD", "LIUDONG_CRYPTO_ID_NUMBER_KEY", "LIUDONG_CRYPTO_ID_INDEX_KEY");

        Map<String, String> migration = services.environment(services.service(Services.MIGRATION));
        assertThat(migration).containsEntry("LIUDONG_MIGRATION_REGISTRY_URL", upstream(settings.registryPort()))
                .containsEntry("LIUDONG_CRYPTO_ID_INDEX_KEY", registry.get("LIUDONG_CRYPTO_ID_INDEX_KEY"))
                .doesNotContainEntry("QUARKUS_DATASOURCE_PASSWORD", registry.get("QUARKUS_DATASOURCE_PASSWORD"));

        assertThat(services.environment(services.service(Services.ASSESSMENT)))
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "liudong_assessment")
                .doesNotContainKeys("LIUDONG_CRYPTO_ID_NUMBER_KEY", "LIUDONG_CRYPTO_ID_INDEX_KEY");

        assertThat(services.environment(services.service(Services.GATEWAY)))
                .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(settings.gatewayPort()))
                .containsEntry("LIUDONG_GATEWAY_REGISTRY_URL", upstream(settings.registryPort()))
                .containsEntry("LIUDONG_GATEWAY_MIGRATION_URL", upstream(settings.migrationPort()))
                .containsEntry("LIUDONG_GATEWAY_ASSESSMENT_URL", upstream(settings.assessmentPort()))
                .doesNotContainKeys("QUARKUS_DATASOURCE_PASSWORD", "LIUDONG_CRYPTO_ID_NUMBER_KEY");
    }

    @Test
    void onlyTheGatewayRunsWithTheC2Compiler() throws Exception {
        Services services = services();
        for (String name : Services.NAMES) {
            List<String> options = services.jvmOptions(services.service(name));
            assertThat(options).as(name).contains("-Xms64m", "-Xmx" + settings.serviceHeap(), "-XX:+UseSerialGC");
            if (name.equals(Services.GATEWAY)) {
                assertThat(options).as(name).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
            } else {
                assertThat(options).as(name).contains(Services.C1_ONLY);
            }
        }
    }

    private String upstream(int port) {
        return "http://" + settings.host() + ":" + port;
    }

    @Test
    void aServiceThatIsNotBuiltIsNamedWithTheCommandThatBuildsIt() throws Exception {
        Services services = services();
        assertThat(services.missingJars()).contains("registry-service/target/quarkus-app/quarkus-run.jar",
                "gateway/target/quarkus-app/quarkus-run.jar");
        List<String> progress = new ArrayList<>();
        assertThatThrownBy(() -> services.start(Owner.TESTS, progress::add))
                .hasMessageContaining("registry-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("./mvnw -DskipTests install");
        assertThat(progress).isEmpty();
    }

    @Test
    void aBuildIsArchivedOnItsFirstStartAndMappedFromTheArchiveUntilTheBuildOrTheJvmChanges() throws Exception {
        Services services = services();
        Services.Service registry = services.service(Services.REGISTRY);
        Path app = Files.createDirectories(root.resolve("app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "first build");

        List<String> jvm = List.of("java", "-Xmx256m");

        String recording = archiveOption(services.classDataSharing(registry, app, jvm), "-XX:ArchiveClassesAtExit=");
        Path archive = Path.of(recording);
        Files.writeString(archive, "what the JVM wrote when the service stopped");
        assertThat(archiveOption(services.classDataSharing(registry, app, jvm), "-XX:SharedArchiveFile="))
                .isEqualTo(recording);

        String largerHeap = archiveOption(services.classDataSharing(registry, app, List.of("java", "-Xmx1g")),
                "-XX:ArchiveClassesAtExit=");
        assertThat(largerHeap).isNotEqualTo(recording);
        assertThat(archive).as("the archive made with other JVM options").doesNotExist();

        Files.writeString(app.resolve("quarkus-run.jar"), "the next build");
        String nextBuild = archiveOption(services.classDataSharing(registry, app, jvm), "-XX:ArchiveClassesAtExit=");
        assertThat(nextBuild).isNotEqualTo(recording).isNotEqualTo(largerHeap);
    }

    private static String archiveOption(List<String> options, String option) {
        assertThat(options).anyMatch(candidate -> candidate.startsWith(option));
        return options.stream().filter(candidate -> candidate.startsWith(option)).findFirst().orElseThrow()
                .substring(option.length());
    }
}
