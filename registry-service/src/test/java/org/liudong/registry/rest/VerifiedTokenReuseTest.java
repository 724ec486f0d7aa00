package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.stack.testing.Tokens;
import org.liudong.tokens.VerifiedTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.OTHER_CLERK;

/** A bearer token verified once is not verified again while it lives; anything but the same token is. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class VerifiedTokenReuseTest {

    private static final String OWN_COUNTY = "/api/registry/persons?county=620821&size=1";

    @Inject
    VerifiedTokens tokens;

    @Test
    void theSecondRequestWithATokenReusesItsVerification() {
        String token = Tokens.user(CLERK);
        RestAssured.given().auth().oauth2(token).get(OWN_COUNTY).then().statusCode(200);
        assertThat(tokens.find(token, null)).hasValueSatisfying(identity ->
                assertThat(identity.getPrincipal().getName()).isEqualTo(CLERK));

        long before = tokens.reuses();
        RestAssured.given().auth().oauth2(token).get(OWN_COUNTY).then().statusCode(200);
        assertThat(tokens.reuses()).isGreaterThan(before);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsRefused() {
        String token = Tokens.user(CLERK);
        RestAssured.given().auth().oauth2(token).get(OWN_COUNTY).then().statusCode(200);

        int lastSignatureCharacter = token.length() - 2;
        char changed = token.charAt(lastSignatureCharacter) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, lastSignatureCharacter) + changed
                + token.substring(lastSignatureCharacter + 1);
        RestAssured.given().auth().oauth2(tampered).get(OWN_COUNTY).then().statusCode(401);
        assertThat(tokens.find(tampered, null)).isEmpty();
    }

    @Test
    void eachTokenKeepsItsOwnCaller() {
        String own = Tokens.user(CLERK);
        String other = Tokens.user(OTHER_CLERK);
        RestAssured.given().auth().oauth2(own).get(OWN_COUNTY).then().statusCode(200);
        RestAssured.given().auth().oauth2(other).get(OWN_COUNTY).then().statusCode(403)
                .body("status", equalTo(403));
        RestAssured.given().auth().oauth2(other).get(OWN_COUNTY).then().statusCode(403);
        RestAssured.given().auth().oauth2(own).get(OWN_COUNTY).then().statusCode(200);
    }
}
