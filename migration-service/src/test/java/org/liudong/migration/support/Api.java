package org.liudong.migration.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.liudong.stack.testing.AtOnce;
import org.liudong.stack.testing.Tokens;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;

/** Calls to this service's API with real Keycloak tokens of the demo users. */
public final class Api {

    public static final String ORIGIN = "620821";
    public static final String DESTINATION = "440305";
    public static final String THIRD = "610113";

    public static final String ORIGIN_CLERK = "clerk-620821";
    public static final String DESTINATION_CLERK = "clerk-440305";
    public static final String THIRD_CLERK = "clerk-610113";
    public static final String SUPERVISOR = "supervisor-6208";
    public static final String ANALYST = "analyst-62";

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asIntegrator() {
        return given().auth().oauth2(Tokens.client("integrator-620821", "demo")).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static Map<String, Object> departure(People.TestPerson person, String destination) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", person.id().toString());
        body.put("originCounty", person.county());
        body.put("destinationCounty", destination);
        body.put("departedOn", LocalDate.now().minusDays(2).toString());
        body.put("reason", "WORK");
        body.put("destinationAddress", "南山区科技园 1 号");
        return body;
    }

    public static Map<String, Object> arrival(People.TestPerson person, String origin, String destination) {
        Map<String, Object> body = new HashMap<>();
        body.put("idNumber", person.idNumber().value());
        body.put("name", person.name());
        body.put("sex", person.sex());
        body.put("birthDate", person.birthDate().toString());
        body.put("originCounty", origin);
        body.put("destinationCounty", destination);
        body.put("arrivedOn", LocalDate.now().minusDays(1).toString());
        body.put("address", "南山区科技园 1 号");
        body.put("reason", "WORK");
        return body;
    }

    /**
     * Sends {@code copies} of a request at the same moment (see {@link AtOnce}); returns the status of each answer.
     * The caller's token is fetched first: Keycloak refuses logins of one user that arrive at the same moment
     * (brute-force protection).
     */
    public static List<Integer> atOnce(int copies, String user, Function<RequestSpecification, Response> request)
            throws Exception {
        Tokens.user(user);
        return AtOnce.run(copies, () -> request.apply(as(user)).statusCode());
    }

    /** Registers the departure as the origin's clerk; returns the move id. */
    public static String depart(People.TestPerson person, String destination) {
        return as(ORIGIN_CLERK).body(departure(person, destination)).post("/api/migration/departures")
                .then().statusCode(201).extract().path("id");
    }

    /** Registers the arrival as the destination's clerk; returns the answer. */
    public static Response arrive(People.TestPerson person, String origin, String destination, String clerk) {
        return as(clerk).body(arrival(person, origin, destination)).post("/api/migration/arrivals");
    }

    public static Response move(String user, String id) {
        return as(user).get("/api/migration/moves/" + id);
    }

    /** Asks, as {@code user}, that the move be rejected for {@code reason}; returns the answer. */
    public static Response reject(String user, String id, String reason) {
        return as(user).body(Map.of("reason", reason)).post("/api/migration/moves/" + id + "/reject");
    }

    public static Response inbox(String user, String county, String kind) {
        return as(user).queryParam("county", county).queryParam("kind", kind).queryParam("size", 500)
                .get("/api/migration/inbox");
    }

    public static boolean inboxHas(String user, String county, String kind, String moveId) {
        return inbox(user, county, kind).then().statusCode(200).extract().jsonPath()
                .getList("items.moveId", String.class).contains(moveId);
    }

    public static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
