package org.liudong.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.liudong.stack.testing.TestPlatform;

import io.restassured.RestAssured;

/**
 * Starts the whole platform once for all end-to-end test classes, with the launcher {@code deploy/up} uses:
 * PostgreSQL, Kafka, Keycloak and the four packaged services, each reused when it already runs. At the end of the
 * run it stops the services it started; the infrastructure it started stops with the test JVM.
 */
public final class Platform implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Platform.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, type -> new Running(), Running.class);
        RestAssured.baseURI = running.platform.gatewayUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Closed by JUnit when the run ends. */
    static final class Running implements AutoCloseable {

        final TestPlatform platform = TestPlatform.start(line -> System.out.println("[platform] " + line));

        @Override
        public void close() {
            platform.stopServices();
        }
    }
}
