package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.TightLimitsProfile;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.stack.testing.Tokens;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.gateway.testing.GatewayCalls.PROBLEM_JSON;
import static org.liudong.gateway.testing.GatewayCalls.integratorToken;

/** People may send 1 request/s with a burst of 3 here; the integrator 1,000/s. */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class RateLimitTest {

    @Test
    void callerOverTheLimitGetsTooManyRequestsWithRetryAfter() {
        List<Response> answers = burstOf(6, Tokens.user("clerk-440305"));

        assertThat(answers.subList(0, 3)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        Response refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:liudong:problem:too-many-requests");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
    }

    @Test
    void oneCallerOverTheLimitDoesNotSlowAnother() {
        burstOf(6, Tokens.user("analyst-62"));
        assertThat(burstOf(3, Tokens.user("supervisor-6208")))
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
    }

    @Test
    void integratorHasItsOwnHigherLimit() {
        assertThat(burstOf(20, integratorToken()))
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
    }

    private static List<Response> burstOf(int count, String token) {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(given().header("Authorization", "Bearer " + token).when().get("/api/registry/persons"));
        }
        return answers;
    }
}
