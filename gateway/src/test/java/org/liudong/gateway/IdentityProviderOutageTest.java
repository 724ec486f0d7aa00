package org.liudong.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.KeycloakUnreachableProfile;
import org.liudong.gateway.testing.UpstreamDoubles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.liudong.gateway.testing.GatewayCalls.PROBLEM_JSON;

/** Keycloak cannot be reached, so no token can be checked (and none is needed to show that). */
@QuarkusTest
@TestProfile(KeycloakUnreachableProfile.class)
@WithTestResource(UpstreamDoubles.class)
class IdentityProviderOutageTest {

    private static final String SOME_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGVyayJ9.c2lnbmF0dXJl";

    @Test
    void tokenThatCannotBeCheckedIsAnsweredServiceUnavailableNotRefused() {
        given().header("Authorization", "Bearer " + SOME_TOKEN)
                .when().get("/api/registry/persons")
                .then().statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:liudong:problem:identity-provider-unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void requestWithoutTokenIsStillUnauthenticated() {
        given().when().get("/api/registry/persons").then().statusCode(401).contentType(PROBLEM_JSON);
    }
}
