package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.gateway.testing.GatewayCalls.PROBLEM_JSON;
import static org.liudong.gateway.testing.GatewayCalls.asClerk;
import static org.liudong.gateway.testing.GatewayCalls.clerkToken;
import static org.liudong.gateway.testing.GatewayCalls.newRequestId;
import static org.liudong.gateway.testing.EchoUpstream.ELSEWHERE;
import static org.liudong.gateway.testing.EchoUpstream.STREAM_PAUSE_MILLIS;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class ForwardingTest {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void requestReachesItsServiceWithTokenRequestIdPathQueryAndBody() {
        String token = clerkToken();
        String requestId = newRequestId("forward");
        String household = "{\"county\":\"620821\",\"members\":[{\"name\":\"李娜\"}]}";

        given().header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(household)
                .when().post("/api/registry/households?dryRun=true")
                .then().statusCode(200)
                .header("X-Request-Id", requestId)
                .body("service", equalTo("registry"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/registry/households"))
                .body("query", equalTo("dryRun=true"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-request-id", equalTo(requestId))
                .body("body", equalTo(household));
    }

    @Test
    void eachServiceGetsOnlyItsOwnPaths() {
        asClerk().when().get("/api/registry/persons").then().statusCode(200).body("service", equalTo("registry"));
        asClerk().when().get("/api/migration/moves").then().statusCode(200).body("service", equalTo("migration"));
    }

    @Test
    void requestIdIsGeneratedWhenMissingAndSentToTheService() {
        Response answer = asClerk().when().get("/api/registry/persons");
        String requestId = answer.header("X-Request-Id");
        assertThat(requestId).matches(UUID);
        assertThat(answer.jsonPath().getString("headers.x-request-id")).isEqualTo(requestId);
    }

    @Test
    void unacceptableRequestIdIsReplaced() {
        Response answer = asClerk().header("X-Request-Id", "<script>alert(1)</script>").when().get("/api/registry/persons");
        assertThat(answer.header("X-Request-Id")).matches(UUID);
        assertThat(answer.jsonPath().getString("headers.x-request-id")).isEqualTo(answer.header("X-Request-Id"));
    }

    @Test
    void traceIsStartedWhenTheCallerSentNone() {
        Response answer = asClerk().when().get("/api/registry/persons");
        String sent = answer.jsonPath().getString("headers.traceparent");
        assertThat(sent).matches(TRACEPARENT);
        assertThat(answer.header("traceparent")).isEqualTo(sent);
    }

    @Test
    void callersTraceIsContinued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String incoming = "00-" + traceId + "-00f067aa0ba902b7-01";
        Response answer = asClerk().header("traceparent", incoming).when().get("/api/registry/persons");
        String sent = answer.jsonPath().getString("headers.traceparent");
        assertThat(sent).startsWith("00-" + traceId + "-").endsWith("-01").isNotEqualTo(incoming);
    }

    @Test
    void apiAnswersCarrySecurityHeadersOverWhatTheServiceSent() {
        asClerk().when().get("/api/registry/persons")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void gatewayErrorsCarryTheSameHeaders() {
        given().when().get("/api/registry/persons")
                .then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern(UUID))
                .header("traceparent", org.hamcrest.Matchers.matchesPattern(TRACEPARENT));
    }

    @Test
    void serviceLearnsTheRealCallerAddressNotAClaimedOne() {
        asClerk().header("X-Forwarded-For", "203.0.113.9")
                .when().get("/api/registry/persons")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"));
    }

    @Test
    void pathNoServiceOwnsIsNotFoundProblem() {
        asClerk().when().get("/api/payroll/salaries")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:liudong:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/payroll/salaries"));
    }

    @Test
    void serviceAnswerStatusAndBodyComeBackUnchanged() {
        asClerk().contentType(ContentType.JSON).body("[]")
                .when().put("/api/migration/moves/42")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("method", equalTo("PUT"))
                .body("bodyBytes", equalTo(2));
    }

    @Test
    void browserOriginIsRefusedWhenNoneIsConfigured() {
        asClerk().header("Origin", "https://dashboard.county.example")
                .when().get("/api/registry/persons")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    /** The service's own address is internal: the caller follows the location through the gateway. */
    @Test
    void locationOfACreatedRecordLeadsThroughTheGatewayNotToTheService() {
        asClerk().redirects().follow(false).when().post("/api/registry/households/created")
                .then().statusCode(201)
                .header("Location", equalTo("/api/registry/households/42?view=full"));
    }

    @Test
    void locationOnAnotherSiteIsPassedOnUnchanged() {
        asClerk().redirects().follow(false).when().get("/api/registry/elsewhere")
                .then().statusCode(303)
                .header("Location", equalTo(ELSEWHERE));
    }

    @Test
    void eventStreamMayStayQuietLongerThanTheRequestTimeout() {
        Instant start = Instant.now();
        String events = asClerk().accept("text/event-stream")
                .when().get("/api/registry/stream")
                .then().statusCode(200)
                .contentType("text/event-stream")
                .extract().asString();
        assertThat(events).contains("data: first").contains("data: second");
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(STREAM_PAUSE_MILLIS));
    }
}
