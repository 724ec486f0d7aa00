package org.liudong.e2e.security;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.liudong.stack.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The demo realm's callers, each with a real token, and the caller without one. */
final class Callers {

    static final String ANONYMOUS = "anonymous";
    static final String INTEGRATOR = "integrator-620821";
    static final List<String> ALL = List.of("clerk-620821", "clerk-440305", "supervisor-6208", "analyst-62", "admin",
            INTEGRATOR, ANONYMOUS);
    static final String PROBLEM_JSON = "application/problem+json";

    private Callers() {
    }

    static String token(String caller) {
        return INTEGRATOR.equals(caller) ? Tokens.client(INTEGRATOR, "demo") : Tokens.user(caller);
    }

    /** A JSON request as the caller ({@link #ANONYMOUS}: no Authorization header). */
    static RequestSpecification as(String caller) {
        RequestSpecification request = given().contentType(ContentType.JSON).accept("application/json");
        return ANONYMOUS.equals(caller) ? request : request.auth().oauth2(token(caller));
    }
}
