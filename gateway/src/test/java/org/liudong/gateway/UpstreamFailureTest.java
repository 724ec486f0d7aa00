package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.liudong.gateway.testing.GatewayCalls.PROBLEM_JSON;
import static org.liudong.gateway.testing.GatewayCalls.asClerk;

/** assessment-service is down in these tests; registry-service never answers paths ending in /slow. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class UpstreamFailureTest {

    private static final String INDICATORS = "/api/assessment/counties/620821/indicators";

    @Test
    void serviceThatIsDownIsAnsweredWithProblemQuickly() {
        Instant start = Instant.now();
        Response answer = asClerk().when().get(INDICATORS);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.statusCode()).isIn(502, 503);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(answer.statusCode());
        assertThat(answer.jsonPath().getString("detail")).contains("assessment-service");
        assertThat(answer.jsonPath().getString("instance")).isEqualTo(INDICATORS);
        assertThat(answer.body().asString()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void serviceThatKeepsFailingIsAnsweredAtOnceWithServiceUnavailable() {
        for (int attempt = 0; attempt < 3; attempt++) {
            asClerk().when().get(INDICATORS);
        }
        asClerk().when().get(INDICATORS)
                .then().statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:liudong:problem:upstream-unavailable"));
    }

    @Test
    void serviceThatDoesNotAnswerInTimeIsAnsweredWithGatewayTimeout() {
        Instant start = Instant.now();
        asClerk().when().get("/api/registry/persons/slow")
                .then().statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:liudong:problem:upstream-timeout"))
                .body("title", equalTo("Gateway Timeout"))
                .body("detail", startsWith("registry-service"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void otherServicesKeepWorkingWhileOneIsDown() {
        asClerk().when().get(INDICATORS);
        asClerk().when().get("/api/registry/persons").then().statusCode(200);
    }
}
