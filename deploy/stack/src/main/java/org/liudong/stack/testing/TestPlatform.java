package org.liudong.stack.testing;

import java.util.List;
import java.util.function.Consumer;

import org.liudong.stack.InterProcessLock;
import org.liudong.stack.ProcessControl.Owner;
import org.liudong.stack.Stack;

/**
 * The whole platform for end-to-end tests: PostgreSQL, Kafka, Keycloak and the four packaged services, started with
 * the same code as {@code deploy/up} and reused when they already run (a developer's {@code deploy/up}, say). What
 * it starts belongs to the test run and stops, services first, when the last test JVM using the stack exits (as
 * for {@link PlatformTestResource}): a test JVM that reused these services is never left without them. No demo
 * data: tests make their own.
 */
public final class TestPlatform {

    private final Stack stack;
    private final List<String> startedServices;

    private TestPlatform(Stack stack, List<String> startedServices) {
        this.stack = stack;
        this.startedServices = startedServices;
    }

    public static TestPlatform start(Consumer<String> progress) {
        Stack stack = Stack.locate();
        try (InterProcessLock lock = stack.lock()) {
            TestRunLeases.join(stack);
            stack.postgres().ensureRunning(Owner.TESTS);
            Stack.SERVICES_WITH_DATABASE.forEach(service -> stack.ensureServiceDatabase(service, Stack.databaseName(service)));
            stack.kafka().ensureRunning(Owner.TESTS);
            stack.kafka().ensureTopics();
            stack.keycloak().ensureRunning(Owner.TESTS);
        }
        return new TestPlatform(stack, stack.services(Owner.TESTS, progress));
    }

    /** The gateway, where every end-to-end request goes. */
    public String gatewayUrl() {
        return stack.settings().gatewayUrl();
    }

    public List<String> startedServices() {
        return startedServices;
    }
}
