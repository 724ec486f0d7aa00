package org.liudong.stack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liudong.stack.Kafka;
import org.liudong.stack.Stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Against the real processes: PostgreSQL, Kafka and Keycloak started (or reused) by the test resource. */
class PlatformTestResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> config;

    @BeforeAll
    static void startPlatform() {
        PlatformTestResource resource = new PlatformTestResource();
        resource.init(Map.of(PlatformTestResource.SERVICE, "registry"));
        config = resource.start();
    }

    @Test
    void returnsTheConfigurationAServiceNeeds() {
        assertThat(config).containsKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url",
                "liudong.crypto.id-number-key", "liudong.crypto.id-index-key");
        assertThat(config.get("quarkus.datasource.jdbc.url")).endsWith("/liudong_registry_test");
        assertThat(config.get("quarkus.datasource.username")).isEqualTo("liudong_registry");
        assertThat(config.get("quarkus.oidc.auth-server-url")).endsWith("/realms/liudong");
        assertThat(Base64.getDecoder().decode(config.get("liudong.crypto.id-number-key"))).hasSize(32);
        assertThat(Base64.getDecoder().decode(config.get("liudong.crypto.id-index-key"))).hasSize(32);
    }

    @Test
    void serviceRoleLogsInOverTcpWithScramAndOwnsItsTestDatabase() throws SQLException {
        try (Connection connection = connect(config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user, current_database(),"
                        + " pg_get_userbyid(datdba), current_setting('password_encryption'), inet_server_addr() IS NOT NULL"
                        + " FROM pg_database WHERE datname = current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("liudong_registry");
            assertThat(row.getString(2)).isEqualTo("liudong_registry_test");
            assertThat(row.getString(3)).isEqualTo("liudong_registry");
            assertThat(row.getString(4)).isEqualTo("scram-sha-256");
            assertThat(row.getBoolean(5)).as("connected over TCP, not a Unix socket").isTrue();
            statement.execute("CREATE TABLE IF NOT EXISTS stack_probe (id int)");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect("not-the-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void ensuringTheDatabaseAgainKeepsItAndTheGeneratedPassword() throws SQLException {
        Stack stack = Stack.locate();
        try (var lock = stack.lock()) {
            stack.postgres().ensureRunning(org.liudong.stack.ProcessControl.Owner.TESTS);
            stack.ensureServiceDatabase("registry", "liudong_registry_test");
        }
        try (Connection connection = connect(config.get("quarkus.datasource.password"))) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void serviceDatabaseIsMarkedWithTheIdNumberKeysItsRecordsAreWrittenWith() throws SQLException {
        try (Connection connection = connect(config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT shobj_description(oid, 'pg_database')"
                        + " FROM pg_database WHERE datname = current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1))
                    .isEqualTo("liudong ID-number keys " + Stack.locate().secrets().idKeysFingerprint());
        }
    }

    /**
     * What a second checkout, with keys of its own, meets in the machine's cluster: it must neither write into the
     * database nor take over its role.
     */
    @Test
    void databaseWrittenWithOtherKeysIsRefusedAndItsRoleKeepsItsPassword() throws SQLException {
        Stack stack = Stack.locate();
        String role = config.get("quarkus.datasource.username");
        String password = config.get("quarkus.datasource.password");
        String database = "liudong_keys_probe_test";
        Path secrets = stack.secrets().file();
        try (var lock = stack.lock()) {
            stack.postgres().ensureRunning(org.liudong.stack.ProcessControl.Owner.TESTS);
            stack.postgres().ensureDatabase(role, password, database, "00aa00aa", secrets);
            stack.postgres().ensureDatabase(role, password, database, "00aa00aa", secrets);

            assertThatThrownBy(() -> stack.postgres().ensureDatabase(role, "anotherPassword1", database, "11bb11bb",
                    secrets))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(database)
                    .hasMessageContaining("00aa00aa")
                    .hasMessageContaining("11bb11bb")
                    .hasMessageContaining(secrets.toString());
        }
        try (Connection connection = connect(password); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + database);
        }
    }

    @Test
    void eventAndDeadLetterTopicsExistAndTheBrokerCreatesNoOthers() throws Exception {
        try (Admin admin = Stack.locate().kafka().admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("registry.events", "migration.events",
                    "assessment.events", "migration-service.dlq", "assessment-service.dlq"))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get(Kafka.REGISTRY_EVENTS).partitions()).hasSize(6);
            assertThat(topics.get(Kafka.MIGRATION_EVENTS).partitions()).hasSize(6);
            assertThat(topics.get(Kafka.ASSESSMENT_EVENTS).partitions()).hasSize(6);
            assertThat(topics.get(Kafka.MIGRATION_DEAD_LETTERS).partitions()).isNotEmpty();
            assertThat(topics.get(Kafka.ASSESSMENT_DEAD_LETTERS).partitions()).isNotEmpty();

            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            String autoCreate = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS)
                    .get(broker).get("auto.create.topics.enable").value();
            assertThat(autoCreate).isEqualTo("false");
        }
    }

    @Test
    void clerkTokenCarriesRoleJurisdictionAndAudience() throws Exception {
        JsonNode claims = claims(Tokens.user("clerk-620821"));

        assertThat(claims.path("preferred_username").asText()).isEqualTo("clerk-620821");
        assertThat(claims.path("realm_access").path("roles")).extracting(JsonNode::asText).contains("clerk")
                .doesNotContain("supervisor", "analyst", "integrator", "admin");
        assertThat(claims.path("jurisdiction").asText()).isEqualTo("620821");
        assertThat(audiences(claims)).contains("liudong-api");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void integratorClientTokenCarriesRoleAndJurisdiction() throws Exception {
        JsonNode claims = claims(Tokens.client("integrator-620821", "demo"));

        assertThat(claims.path("azp").asText()).isEqualTo("integrator-620821");
        assertThat(claims.path("realm_access").path("roles")).extracting(JsonNode::asText).contains("integrator");
        assertThat(claims.path("jurisdiction").asText()).isEqualTo("620821");
        assertThat(audiences(claims)).contains("liudong-api");
    }

    @Test
    void adminTokenHasNoJurisdiction() throws Exception {
        JsonNode claims = claims(Tokens.user("admin"));

        assertThat(claims.path("realm_access").path("roles")).extracting(JsonNode::asText).contains("admin");
        assertThat(claims.has("jurisdiction")).isFalse();
    }

    @Test
    void tokensAreReusedWhileValid() {
        assertThat(Tokens.user("supervisor-6208")).isSameAs(Tokens.user("supervisor-6208"));
    }

    @Test
    void wrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> Tokens.user("analyst-62", "wrong"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 401");
    }

    private static Connection connect(String password) throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), password);
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? JSON.convertValue(aud, JSON.getTypeFactory().constructCollectionType(List.class, String.class))
                : List.of(aud.asText());
    }
}
