package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.liudong.stack.ProcessControl.Owner;

/**
 * A single Apache Kafka broker in KRaft combined mode (broker and controller in one JVM) on the loopback
 * interface, run from the Maven Central jars in {@code deploy/stack/target/kafka/libs}, with its data and
 * configuration under {@code deploy/.local/kafka}.
 */
public final class Kafka {

    public static final String COMPONENT = "kafka";

    public static final String REGISTRY_EVENTS = "registry.events";
    public static final String MIGRATION_EVENTS = "migration.events";
    public static final String ASSESSMENT_EVENTS = "assessment.events";
    public static final String MIGRATION_DEAD_LETTERS = "migration-service.dlq";
    public static final String ASSESSMENT_DEAD_LETTERS = "assessment-service.dlq";
    public static final List<String> EVENT_TOPICS = List.of(REGISTRY_EVENTS, MIGRATION_EVENTS, ASSESSMENT_EVENTS);
    public static final List<String> DEAD_LETTER_TOPICS = List.of(MIGRATION_DEAD_LETTERS, ASSESSMENT_DEAD_LETTERS);

    private static final System.Logger LOG = System.getLogger(Kafka.class.getName());
    private static final int DEAD_LETTER_PARTITIONS = 1;

    private final StackSettings settings;
    private final StackPaths paths;
    private final ProcessControl processes;

    public Kafka(StackSettings settings, StackPaths paths) {
        this.settings = settings;
        this.paths = paths;
        this.processes = new ProcessControl(paths);
    }

    /** Reuses a broker already listening on the configured port, or starts one recorded as {@code owner}. */
    public void ensureRunning(Owner owner) {
        if (ProcessControl.isPortOpen(settings.host(), settings.kafkaPort())) {
            if (!answers(Duration.ofSeconds(30))) {
                throw new IllegalStateException("Something listens on " + settings.kafkaBootstrapServers()
                        + " but does not answer as a Kafka broker; stop it or set LIUDONG_KAFKA_PORT");
            }
            return;
        }
        Path home = paths.kafkaHome();
        Path data = home.resolve("data");
        Path serverProperties = home.resolve("server.properties");
        Path log4j = home.resolve("log4j2.xml");
        writeServerProperties(serverProperties, data);
        writeLog4jConfiguration(log4j);
        if (!Files.exists(data.resolve("meta.properties"))) {
            formatStorage(serverProperties);
        }
        LOG.log(System.Logger.Level.INFO, "Starting Kafka on " + settings.kafkaBootstrapServers());
        processes.start(COMPONENT, List.of(java(), "-Xms" + settings.kafkaHeap(), "-Xmx" + settings.kafkaHeap(),
                "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-Dkafka.logs.dir=" + paths.logs(),
                "-cp", classpath(), "kafka.Kafka", serverProperties.toString()), home, Map.of(), owner);
        processes.awaitReady(COMPONENT, "broker answering on " + settings.kafkaBootstrapServers(),
                () -> ProcessControl.isPortOpen(settings.host(), settings.kafkaPort()) && answers(Duration.ofSeconds(5)),
                settings.startTimeout());
    }

    /** Creates the event topics (partition count from {@code liudong.kafka.partitions}) and dead-letter topics. */
    public void ensureTopics() {
        List<NewTopic> topics = new ArrayList<>();
        EVENT_TOPICS.forEach(name -> topics.add(new NewTopic(name, settings.kafkaPartitions(), (short) 1)));
        DEAD_LETTER_TOPICS.forEach(name -> topics.add(new NewTopic(name, DEAD_LETTER_PARTITIONS, (short) 1)));
        ensureTopics(topics);
    }

    public void ensureTopics(List<NewTopic> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, created) -> {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + name, e.getCause());
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException("Cannot create topic " + name, e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list topics on " + settings.kafkaBootstrapServers(), e);
        }
    }

    public boolean stop() {
        return processes.stop(COMPONENT, Duration.ofSeconds(30));
    }

    /** An admin client for the broker; close it after use. */
    public Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(config);
    }

    private boolean answers(Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    private void formatStorage(Path serverProperties) {
        String clusterId = Uuid.randomUuid().toString();
        LOG.log(System.Logger.Level.INFO, "Formatting Kafka storage, cluster id " + clusterId);
        ProcessControl.run(List.of(java(), "-Xmx256m", "-Dlog4j2.configurationFile=" + paths.kafkaHome().resolve("log4j2.xml"),
                "-Dkafka.logs.dir=" + paths.logs(), "-cp", classpath(), "kafka.tools.StorageTool", "format",
                "--standalone", "-t", clusterId, "-c", serverProperties.toString()), Map.of(), Duration.ofMinutes(2));
    }

    private void writeServerProperties(Path file, Path data) {
        String host = settings.host();
        String controller = host + ":" + settings.kafkaControllerPort();
        write(file, String.join("\n",
                "# Written by the Liudong stack on every start: edit StackSettings, not this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + controller,
                "listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort() + ",CONTROLLER://" + controller,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + settings.kafkaPartitions(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                ""));
    }

    /** Without a configuration file the broker's Log4j 2 logs nothing at all. */
    private void writeLog4jConfiguration(Path file) {
        Path log = paths.logs().resolve("kafka-server.log");
        write(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="warn">
                  <Appenders>
                    <File name="server" fileName="%s" append="true">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka" level="info"/>
                    <Logger name="org.apache.kafka" level="info"/>
                    <Logger name="state.change.logger" level="warn"/>
                    <Logger name="kafka.request.logger" level="warn"/>
                    <Root level="info">
                      <AppenderRef ref="server"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """.formatted(log));
    }

    private String classpath() {
        return paths.kafkaLibs().resolve("*").toString();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
