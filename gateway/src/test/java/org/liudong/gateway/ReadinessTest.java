package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** registry-service and migration-service are ready; assessment-service is down. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class ReadinessTest {

    @Test
    void gatewayIsNotReadyWhileAServiceIsNotReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.registry-service", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.migration-service", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.assessment-service", startsWith("DOWN"));
    }

    @Test
    void gatewayStaysLiveWhenAServiceIsDown() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
