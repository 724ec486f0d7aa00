package org.liudong.e2e.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.e2e.deployment.Manifests.named;
import static org.liudong.e2e.deployment.Manifests.ofKind;
import static org.liudong.e2e.deployment.Manifests.one;
import static org.liudong.e2e.deployment.Manifests.onlyOne;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes manifests (deploy/k8s) hold what a deployment needs and agree with the conventions: ports, probes,
 * every setting a service reads, Secrets only by name, the replicated Kafka and its topics, one database and role per
 * service, and a realm without the demo accounts. {@code kubectl kustomize} checks that they build; this checks what
 * would only fail once applied.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Manifests.path("deploy/k8s");
    private static final List<JsonNode> BASE = Manifests.kustomize(K8S.resolve("base"));
    private static final List<ServiceSpec> SERVICES = Conventions.SERVICES;

    @Test
    void everyFileAKustomizationNamesExists() {
        List<String> missing = new ArrayList<>();
        for (Path kustomization : Manifests.files(K8S, "kustomization.yaml")) {
            JsonNode document = Manifests.document(kustomization);
            List<JsonNode> named = new ArrayList<>();
            document.path("resources").forEach(named::add);
            document.path("patches").forEach(patch -> named.add(patch.path("path")));
            for (JsonNode name : named) {
                if (!name.isMissingNode() && !Files.exists(kustomization.resolveSibling(name.asText()))) {
                    missing.add(Manifests.ROOT.relativize(kustomization) + ": " + name.asText());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everythingLivesInTheNamespaceLiudong() {
        assertThat(Manifests.document(K8S.resolve("base/kustomization.yaml")).path("namespace").asText())
                .isEqualTo("liudong");
        assertThat(named(BASE, "Namespace", "liudong")).isPresent();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachServiceListensOnItsPortAndAnswersItsProbesThere(ServiceSpec service) {
        JsonNode deployment = one(BASE, "Deployment", service.module());
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = container(service);

        assertThat(deployment.path("spec").path("replicas").asInt()).as("replicas").isGreaterThanOrEqualTo(2);
        assertThat(container.path("ports").findValuesAsText("containerPort")).containsExactly(
                Integer.toString(service.port()));
        assertThat(probe(container, "startupProbe")).isEqualTo("/q/health/started:" + service.port());
        assertThat(probe(container, "readinessProbe")).isEqualTo("/q/health/ready:" + service.port());
        assertThat(probe(container, "livenessProbe")).isEqualTo("/q/health/live:" + service.port());

        JsonNode kubernetesService = one(BASE, "Service", service.module()).path("spec");
        assertThat(kubernetesService.path("ports")).hasSize(1);
        assertThat(kubernetesService.path("ports").get(0).path("port").asInt()).isEqualTo(service.port());
        assertThat(kubernetesService.path("ports").get(0).path("targetPort").asInt()).isEqualTo(service.port());

        Map<String, String> podLabels = labels(pod.path("metadata").path("labels"));
        for (JsonNode selector : List.of(kubernetesService.path("selector"),
                deployment.path("spec").path("selector").path("matchLabels"),
                one(BASE, "PodDisruptionBudget", service.module()).path("spec").path("selector").path("matchLabels"))) {
            assertThat(labels(selector)).isNotEmpty();
            assertThat(podLabels).containsAllEntriesOf(labels(selector));
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachServiceRunsUnprivilegedAndWritesOnlyToAnEmptyDirOnTmp(ServiceSpec service) {
        JsonNode pod = one(BASE, "Deployment", service.module()).path("spec").path("template").path("spec");
        JsonNode container = container(service);
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("runAsUser").asInt())
                .isEqualTo(ServiceImageTest.imageUser());
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();

        String tmpVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                tmpVolume = mount.path("name").asText();
            }
        }
        assertThat(tmpVolume).as("a volume mounted on /tmp").isNotNull();
        boolean emptyDir = false;
        for (JsonNode volume : pod.path("volumes")) {
            emptyDir |= volume.path("name").asText().equals(tmpVolume) && volume.has("emptyDir");
        }
        assertThat(emptyDir).as("/tmp is an emptyDir").isTrue();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachServiceGetsEverySettingItReadsWithSecretsOnlyFromSecrets(ServiceSpec service) {
        Map<String, Setting> settings = settings(container(service));
        assertThat(settings.keySet()).containsAll(service.environment());

        assertThat(settings.get("QUARKUS_HTTP_HOST").value()).isEqualTo("0.0.0.0");
        assertThat(settings.get("QUARKUS_HTTP_PORT").value()).isEqualTo(Integer.toString(service.port()));
        for (String secret : Conventions.SECRET_SETTINGS) {
            if (settings.containsKey(secret)) {
                assertThat(settings.get(secret).secret()).as(secret + " from a Secret").isNotNull();
            }
        }

        JsonNode keycloak = onlyOne(BASE, "Keycloak");
        assertThat(settings.get("QUARKUS_OIDC_AUTH_SERVER_URL").value()).isEqualTo(
                "http://" + name(keycloak) + "-service:" + keycloak.path("spec").path("http").path("httpPort").asInt()
                        + "/realms/liudong");
        if (service.database() != null) {
            JsonNode kafka = onlyOne(BASE, "Kafka");
            int plainPort = kafka.path("spec").path("kafka").path("listeners").get(0).path("port").asInt();
            assertThat(settings.get("KAFKA_BOOTSTRAP_SERVERS").value())
                    .isEqualTo(name(kafka) + "-kafka-bootstrap:" + plainPort);
            assertThat(settings.get("QUARKUS_DATASOURCE_JDBC_URL").value()).isEqualTo(
                    "jdbc:postgresql://" + name(onlyOne(BASE, "Cluster")) + "-rw:5432/" + service.database());
            assertThat(settings.get("QUARKUS_DATASOURCE_USERNAME").secret())
                    .isEqualTo(settings.get("QUARKUS_DATASOURCE_PASSWORD").secret())
                    .isEqualTo(roleSecrets().get(service.database()));
        }
        Set<String> serviceUrls = SERVICES.stream().map(ServiceSpec::url).collect(Collectors.toSet());
        settings.forEach((name, setting) -> {
            if (name.startsWith("LIUDONG_") && name.endsWith("_URL")) {
                assertThat(setting.value()).as(name).isIn(serviceUrls);
                assertThat(setting.value()).as(name).contains(name.replaceAll("^LIUDONG_\\w+?_(\\w+)_URL$", "$1")
                        .toLowerCase());
            }
        });
    }

    @Test
    void theSettingsAreTheOnesTheLocalLauncherGives() {
        String launcher = Manifests.text(Manifests.path("deploy/stack/src/main/java/org/liudong/stack/Services.java"));
        Set<String> launched = new TreeSet<>();
        Matcher put = Pattern.compile("environment\\.put\\(\"([A-Z][A-Z0-9_]*)\"").matcher(launcher);
        while (put.find()) {
            launched.add(put.group(1));
        }
        Set<String> known = new TreeSet<>();
        SERVICES.forEach(service -> known.addAll(service.environment()));
        known.add(Conventions.IMAGE_ENVIRONMENT);
        assertThat(launched).as("the variables Services.java sets: a new one needs the manifests, compose.yaml and"
                + " Conventions").isEqualTo(known);
    }

    @Test
    void noSecretIsCommittedAndEverySecretNamedIsExplainedInTheReadme() {
        for (Path file : Manifests.files(K8S, ".yaml")) {
            for (JsonNode secret : ofKind(Manifests.documents(file), "Secret")) {
                assertThat(secret.has("data") || secret.has("stringData")).as(file + " holds secret values").isFalse();
            }
        }
        Set<String> referenced = new TreeSet<>();
        BASE.forEach(resource -> {
            resource.findValues("secretKeyRef").forEach(ref -> referenced.add(ref.path("name").asText()));
            resource.findValues("secretName").forEach(name -> referenced.add(name.asText()));
        });
        referenced.addAll(roleSecrets().values());
        JsonNode db = onlyOne(BASE, "Keycloak").path("spec").path("db");
        referenced.add(db.path("usernameSecret").path("name").asText());
        referenced.add(db.path("passwordSecret").path("name").asText());

        String readme = Manifests.text(Manifests.path("deploy/README.md"));
        assertThat(referenced).allSatisfy(name -> assertThat(readme).as("deploy/README.md explains " + name)
                .contains(name));
    }

    @Test
    void kafkaKeepsThreeCopiesOfEveryRecordAndAcceptsAWriteWhenTwoHaveIt() {
        JsonNode kafka = onlyOne(BASE, "Kafka");
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");

        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : ofKind(BASE, "KafkaNodePool")) {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(name(kafka));
            List<String> roles = new ArrayList<>();
            pool.path("spec").path("roles").forEach(role -> roles.add(role.asText()));
            int replicas = pool.path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertThat(brokers).as("brokers").isEqualTo(3);
        assertThat(controllers).as("KRaft controllers").isGreaterThanOrEqualTo(3).isOdd();
    }

    @Test
    void theTopicsAreTheConventionalOnesWithThreeReplicas() {
        String cluster = name(onlyOne(BASE, "Kafka"));
        Map<String, Integer> partitions = new HashMap<>();
        for (JsonNode topic : ofKind(BASE, "KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(name(topic));
            partitions.put(name, topic.path("spec").path("partitions").asInt());
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name)
                    .isEqualTo(cluster);
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt(2)).as(name).isEqualTo(2);
        }
        assertThat(partitions).isEqualTo(Conventions.TOPICS);
    }

    @Test
    void eachServiceHasItsOwnDatabaseOwnedByItsOwnRoleOnThreeInstances() {
        JsonNode cluster = onlyOne(BASE, "Cluster");
        assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
        Map<String, String> owners = new HashMap<>();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        for (JsonNode database : ofKind(BASE, "Database")) {
            assertThat(database.path("spec").path("cluster").path("name").asText()).isEqualTo(name(cluster));
            owners.put(database.path("spec").path("name").asText(), database.path("spec").path("owner").asText());
        }
        Map<String, String> secrets = roleSecrets();
        for (ServiceSpec service : SERVICES) {
            if (service.database() != null) {
                assertThat(owners).as("owner of " + service.database())
                        .containsEntry(service.database(), service.database());
                assertThat(secrets).as("password of the role " + service.database()).containsKey(service.database());
            }
        }
        String keycloakDatabase = onlyOne(BASE, "Keycloak").path("spec").path("db").path("database").asText();
        assertThat(owners).containsKey(keycloakDatabase);
        assertThat(secrets).containsKey(owners.get(keycloakDatabase));
    }

    @Test
    void theProductionRealmIsTheDemoRealmWithoutItsDemoAccounts() {
        JsonNode realmImport = onlyOne(BASE, "KeycloakRealmImport");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isEqualTo(name(onlyOne(BASE, "Keycloak")));
        ObjectNode production = realmImport.path("spec").path("realm").deepCopy();
        assertThat(production.has("users")).isFalse();
        assertThat(production.path("clients").findValues("secret")).isEmpty();

        ObjectNode demo = (ObjectNode) Manifests.json(Manifests.path("deploy/keycloak/liudong-realm.json"));
        demo.remove("users");
        ArrayNode clients = demo.putArray("clients");
        Manifests.json(Manifests.path("deploy/keycloak/liudong-realm.json")).path("clients").forEach(client -> {
            if (!Set.of("liudong-cli", "integrator-620821").contains(client.path("clientId").asText())) {
                clients.add(client);
            }
        });
        demo.remove("displayName");
        production.remove("displayName");
        assertThat(production).as("the realm import, made from the demo realm with the jq command in its comment")
                .isEqualTo(demo);
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        Set<String> modules = SERVICES.stream().map(ServiceSpec::module).collect(Collectors.toSet());
        List<String> exposed = new ArrayList<>();
        for (JsonNode ingress : ofKind(BASE, "Ingress")) {
            for (JsonNode backend : ingress.findValues("service")) {
                if (modules.contains(backend.path("name").asText())) {
                    exposed.add(backend.path("name").asText() + ":" + backend.path("port").path("number").asInt());
                }
            }
        }
        assertThat(exposed).containsOnly("gateway:" + Conventions.GATEWAY.port());
        for (ServiceSpec service : SERVICES) {
            assertThat(one(BASE, "Service", service.module()).path("spec").path("type").asText("ClusterIP"))
                    .isEqualTo("ClusterIP");
        }
    }

    @Test
    void theProductionOverlayReplacesExactlyTheImagesTheBaseRuns() {
        Set<String> overlay = new TreeSet<>(Manifests.document(K8S.resolve("overlays/production/kustomization.yaml"))
                .path("images").findValuesAsText("name"));
        Set<String> base = new TreeSet<>();
        SERVICES.forEach(service -> base.add(container(service).path("image").asText().replaceAll(":[^:/]+$", "")));
        assertThat(overlay).isEqualTo(base);
    }

    /** An environment variable of a container: its value (literal or from a ConfigMap), or the Secret it is from. */
    private record Setting(String value, String secret) {
    }

    private static Map<String, Setting> settings(JsonNode container) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            assertThat(source.has("secretRef")).as("whole Secrets as environment hide what a service gets").isFalse();
            JsonNode configMap = one(BASE, "ConfigMap", source.path("configMapRef").path("name").asText());
            configMap.path("data").fields().forEachRemaining(
                    entry -> settings.put(entry.getKey(), new Setting(entry.getValue().asText(), null)));
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode from = variable.path("valueFrom");
            Setting setting;
            if (from.has("secretKeyRef")) {
                setting = new Setting(null, from.path("secretKeyRef").path("name").asText());
            } else if (from.has("configMapKeyRef")) {
                setting = new Setting(one(BASE, "ConfigMap", from.path("configMapKeyRef").path("name").asText())
                        .path("data").path(from.path("configMapKeyRef").path("key").asText()).asText(), null);
            } else {
                setting = new Setting(variable.path("value").asText(), null);
            }
            settings.put(variable.path("name").asText(), setting);
        }
        return settings;
    }

    /** Database role → the Secret with its password, as CloudNativePG is told. */
    private static Map<String, String> roleSecrets() {
        JsonNode spec = onlyOne(BASE, "Cluster").path("spec");
        Map<String, String> secrets = new HashMap<>();
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        secrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        for (JsonNode role : spec.path("managed").path("roles")) {
            secrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        return secrets;
    }

    private static JsonNode container(ServiceSpec service) {
        JsonNode containers = one(BASE, "Deployment", service.module()).path("spec").path("template").path("spec")
                .path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asText() + ":" + get.path("port").asText();
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }
}
