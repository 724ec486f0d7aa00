package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.AllowedOriginProfile;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.liudong.gateway.testing.AllowedOriginProfile.ALLOWED_ORIGIN;
import static org.liudong.gateway.testing.GatewayCalls.asClerk;
import static io.restassured.RestAssured.given;

@QuarkusTest
@TestProfile(AllowedOriginProfile.class)
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class CorsTest {

    @Test
    void configuredOriginMayCallTheApi() {
        asClerk().header("Origin", ALLOWED_ORIGIN)
                .when().get("/api/registry/persons")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED_ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void configuredOriginPassesThePreflight() {
        given().header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/registry/households")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED_ORIGIN));
    }

    @Test
    void otherOriginIsRefusedWithAProblem() {
        asClerk().header("Origin", "https://elsewhere.example")
                .when().get("/api/registry/persons")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:liudong:problem:origin-not-allowed"))
                .body("detail", containsString("https://elsewhere.example"))
                .header("X-Request-Id", notNullValue())
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void otherOriginFailsThePreflightWithAProblem() {
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/registry/households")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theGatewaysOwnOriginIsNotCrossOrigin() {
        asClerk().header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .when().get("/api/registry/persons")
                .then().statusCode(200);
    }
}
