package org.liudong.migration.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.stack.testing.PlatformTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What operators and integrators rely on besides the API itself. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class ServiceEndpointsTest {

    @Test
    void healthIsUpWithDatabaseAndKafkaChecks() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsIncludeTheOutboxBacklog() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("liudong_outbox_pending"));
    }

    @Test
    void theOpenApiDocumentDescribesTheMigrationEndpoints() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/migration/departures"))
                .body(containsString("/api/migration/verifications/{id}/answer"))
                .body(containsString("/api/migration/inbox"));
    }

    @Test
    void answersCarryARequestIdAndNoSniffing() {
        given().header("X-Request-Id", "req-42").get("/api/migration/moves/00000000-0000-0000-0000-000000000000")
                .then().statusCode(401).header("X-Request-Id", "req-42")
                .header("X-Content-Type-Options", "nosniff");
    }
}
