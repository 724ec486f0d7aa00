package org.liudong.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.liudong.stack.testing.TestPlatform;

import io.restassured.RestAssured;

/**
 * Starts the whole platform once for all end-to-end test classes, with the launcher {@code deploy/up} uses:
 * PostgreSQL, Kafka, Keycloak and the four packaged services, each reused when it already runs. What it started
 * stops when the last test JVM using the stack exits ({@link TestPlatform}).
 */
public final class Platform implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Platform.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, type -> Running.start(), Running.class);
        if (running.failure != null) {
            throw running.failure;
        }
        RestAssured.baseURI = running.platform.gatewayUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The started platform, or why it could not start (remembered, so the next test class does not wait again). */
    record Running(TestPlatform platform, RuntimeException failure) {

        static Running start() {
            try {
                return new Running(TestPlatform.start(line -> System.out.println("[platform] " + line)), null);
            } catch (RuntimeException e) {
                return new Running(null, e);
            }
        }
    }
}
