package org.liudong.stack.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.liudong.stack.InterProcessLock;
import org.liudong.stack.ProcessControl;
import org.liudong.stack.ProcessControl.Owner;
import org.liudong.stack.Stack;
import org.liudong.stack.StackSettings;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL, Kafka and Keycloak for a service's {@code @QuarkusTest}s:
 *
 * <pre>
 * &#64;WithTestResource(value = PlatformTestResource.class,
 *     initArgs = &#64;ResourceArg(name = "service", value = "registry"))   // registry|migration|assessment|gateway
 * </pre>
 *
 * Starts what is not running yet (a developer's running stack is reused), creates the database
 * {@code liudong_<service>_test} owned by the role {@code liudong_<service>} and the topics, and returns the
 * datasource, Kafka, OIDC and ID-number crypto configuration. What this resource starts stays up for the other
 * test classes of the run and is stopped when the last test JVM using it exits (unless
 * {@code liudong.stack.keep-running=true}); what it did not start is never stopped.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE = "service";
    public static final List<String> SERVICES = List.of("registry", "migration", "assessment", "gateway");

    private static final Map<String, Map<String, String>> STARTED = new ConcurrentHashMap<>();

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get(SERVICE);
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("PlatformTestResource needs the init arg service=" + String.join("|", SERVICES)
                    + ", got " + service);
        }
    }

    @Override
    public Map<String, String> start() {
        Stack stack = Stack.locate();
        Map<String, String> earlier = STARTED.get(service);
        if (earlier != null && stillListening(stack)) {
            return earlier;
        }
        Map<String, String> config = new HashMap<>();
        try (InterProcessLock lock = stack.lock()) {
            TestRunLeases.join(stack);
            if (Stack.SERVICES_WITH_DATABASE.contains(service)) {
                stack.postgres().ensureRunning(Owner.TESTS);
                String database = testDatabaseName(service);
                stack.ensureServiceDatabase(service, database);
                config.put("quarkus.datasource.jdbc.url", stack.postgres().jdbcUrl(database));
                config.put("quarkus.datasource.username", Stack.roleName(service));
                config.put("quarkus.datasource.password", stack.secrets().databasePassword(Stack.roleName(service)));
            }
            stack.kafka().ensureRunning(Owner.TESTS);
            stack.kafka().ensureTopics();
            stack.keycloak().ensureRunning(Owner.TESTS);
        }
        config.put("kafka.bootstrap.servers", stack.settings().kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", stack.settings().authServerUrl());
        config.put("liudong.crypto.id-number-key", stack.secrets().idNumberKey());
        config.put("liudong.crypto.id-index-key", stack.secrets().idIndexKey());
        STARTED.put(service, Map.copyOf(config));
        return config;
    }

    /** Quarkus starts the resource again for each test class; after the first time a look at the ports will do. */
    private boolean stillListening(Stack stack) {
        StackSettings settings = stack.settings();
        return (!Stack.SERVICES_WITH_DATABASE.contains(service) || stack.postgres().isListening())
                && ProcessControl.isPortOpen(settings.host(), settings.kafkaPort())
                && ProcessControl.isPortOpen(settings.host(), settings.keycloakPort());
    }

    /** Infrastructure is shared by every test class of the run: see the class comment for when it stops. */
    @Override
    public void stop() {
    }

    public static String testDatabaseName(String service) {
        return Stack.databaseName(service) + "_test";
    }
}
