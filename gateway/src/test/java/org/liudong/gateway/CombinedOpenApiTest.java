package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** registry-service and migration-service publish documents; assessment-service is down. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class CombinedOpenApiTest {

    @Test
    void combinedDocumentHoldsThePathsOfEveryServiceThatAnswered() {
        given().when().get("/api-docs/openapi.json")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo("Liudong API"))
                .body("paths", notNullValue())
                .body("paths.'/api/registry/households'.post", notNullValue())
                .body("paths.'/api/migration/departures'.post", notNullValue())
                .body("tags.name", hasItems("Households", "Moves"))
                .body("info.x-unavailable-services", hasItem("assessment"));
    }

    @Test
    void componentsTwoServicesDefineDifferentlyAreKeptApart() {
        given().when().get("/api-docs/openapi.json")
                .then().statusCode(200)
                .body("components.schemas.Problem", notNullValue())
                .body("components.schemas.'migration.Problem'", nullValue())
                .body("components.schemas.Person.properties.idNumber", notNullValue())
                .body("components.schemas.'migration.Person'.properties.personId", notNullValue())
                .body("paths.'/api/migration/departures'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/migration.Person"))
                .body("paths.'/api/registry/households'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Person"));
    }

    @Test
    void swaggerUiShowsTheCombinedDocument() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("/api-docs/openapi.json"));
    }
}
