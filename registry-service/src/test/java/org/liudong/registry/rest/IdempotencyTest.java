package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.People.household;
import static org.liudong.registry.support.People.person;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class IdempotencyTest {

    private static ExtractableResponse<Response> post(String key, Object body) {
        return Api.as(CLERK).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/registry/households").then().extract();
    }

    @Test
    void retryWithTheSameKeyAndBodyReturnsTheFirstAnswerWithoutRegisteringTwice() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> number = new java.util.HashMap<>(household(person("HEAD")));
        number.put("householdNumber", "IDEM-" + System.nanoTime());

        ExtractableResponse<Response> first = post(key, number);
        ExtractableResponse<Response> retry = post(key, number);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(retry.jsonPath().getList("members.personId")).isEqualTo(first.jsonPath().getList("members.personId"));
        // without the key the same body is a second registration, refused because the number is taken
        Api.registerHousehold(CLERK, number).statusCode(409);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        post(key, household(person("HEAD"))).response().then().statusCode(201);
        post(key, household(person("HEAD"))).response().then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("idempotency-key-reused"));
    }

    @Test
    void keyIsNotStoredWhenTheRequestFails() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> bad = person("HEAD");
        bad.put("birthDate", "1800-01-01");
        post(key, household(bad)).response().then().statusCode(400);
        Map<String, Object> good = household(person("HEAD"));
        post(key, good).response().then().statusCode(201);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        post(key, household(person("HEAD"))).response().then().statusCode(201);
        Api.asIntegrator().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(household(person("HEAD"))).post("/api/registry/households").then()
                .statusCode(201);
    }

    @Test
    void replayedDeathAnswersLikeTheFirstTime() {
        String personId = Api.newHousehold(person("HEAD")).getString("members[0].personId");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            Api.as(CLERK).header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-05-01"))
                    .post("/api/registry/persons/" + personId + "/death").then()
                    .statusCode(200)
                    .body("status", equalTo("DECEASED"));
        }
        Api.as(CLERK).contentType(ContentType.JSON).body(Map.of("diedOn", "2024-05-01"))
                .post("/api/registry/persons/" + personId + "/death").then().statusCode(409);
    }
}
