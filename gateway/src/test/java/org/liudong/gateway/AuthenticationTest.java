package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.liudong.gateway.testing.GatewayCalls.PROBLEM_JSON;
import static org.liudong.gateway.testing.GatewayCalls.asClerk;
import static org.liudong.gateway.testing.GatewayCalls.asIntegrator;
import static org.liudong.gateway.testing.GatewayCalls.clerkToken;
import static org.liudong.gateway.testing.GatewayCalls.newRequestId;
import static org.liudong.gateway.testing.GatewayCalls.reachedRegistry;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class AuthenticationTest {

    private static final String PERSON = "/api/registry/persons/0b9f6f3e-8f43-4a7e-9d43-1f0c8a8b2d10";

    @Test
    void requestWithoutTokenIsRejectedWithProblemAndNeverForwarded() {
        String requestId = newRequestId("no-token");
        given().header("X-Request-Id", requestId)
                .when().get(PERSON)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", notNullValue())
                .header("X-Request-Id", requestId)
                .body("type", equalTo("urn:liudong:problem:unauthenticated"))
                .body("title", equalTo("Unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", notNullValue())
                .body("instance", equalTo(PERSON))
                .body("requestId", equalTo(requestId));
        assertThat(reachedRegistry(requestId)).isFalse();
    }

    @Test
    void garbageTokenIsRejected() {
        assertRejected("not-a-token");
    }

    @Test
    void tamperedTokenIsRejected() {
        String[] parts = clerkToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = payload.replace("\"620821\"", "\"62\"");
        assertThat(widened).isNotEqualTo(payload);
        assertRejected(parts[0] + "." + base64(widened) + "." + parts[2]);
    }

    @Test
    void unsignedTokenIsRejected() {
        String[] parts = clerkToken().split("\\.");
        assertRejected(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() {
        String[] parts = clerkToken().split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x5a;
        assertRejected(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
    }

    @Test
    void aTokenAcceptedBeforeStillProtectsEveryByteOfItself() {
        String token = clerkToken();
        given().header("Authorization", "Bearer " + token).when().get(PERSON).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).when().get(PERSON).then().statusCode(200);

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertRejected(parts[0] + "." + base64(payload.replace("\"620821\"", "\"62\"")) + "." + parts[2]);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 0x01;
        assertRejected(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        assertRejected(token + "x");
    }

    @Test
    void clerkTokenIsForwardedUnchanged() {
        String token = clerkToken();
        given().header("Authorization", "Bearer " + token)
                .when().get(PERSON)
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void integratorClientTokenIsForwarded() {
        asIntegrator().when().get(PERSON).then().statusCode(200).body("service", equalTo("registry"));
    }

    @Test
    void documentationAndHealthNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        asClerk().when().get("/q/health/live").then().statusCode(200);
    }

    private static void assertRejected(String token) {
        String requestId = newRequestId("bad-token");
        given().header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .when().get(PERSON)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:liudong:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("instance", equalTo(PERSON));
        assertThat(reachedRegistry(requestId)).isFalse();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
