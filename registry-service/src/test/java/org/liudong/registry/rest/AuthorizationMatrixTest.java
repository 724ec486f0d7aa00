package org.liudong.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.registry.support.Api.ADMIN;
import static org.liudong.registry.support.Api.ANALYST;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.Api.OTHER_CLERK;
import static org.liudong.registry.support.Api.SUPERVISOR;
import static org.liudong.registry.support.People.person;

/**
 * Role × own/other county × endpoint, against one household of county 620821. Reads are checked on both sides;
 * writes on the refused side (the allowed side of each write is in the endpoint's own test class), and a
 * refused write leaves the record's version unchanged.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class AuthorizationMatrixTest {

    static final String INTEGRATOR = "integrator-620821";
    static final String NOBODY = "(no token)";

    static JsonPath household;

    record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> reads() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : List.of(new Call("GET", "/api/registry/persons/{person}", null),
                new Call("GET", "/api/registry/households/{household}", null),
                new Call("GET", "/api/registry/persons?county=620821&name=王", null))) {
            cases.add(Arguments.of(CLERK, call, 200));
            cases.add(Arguments.of(INTEGRATOR, call, 200));
            cases.add(Arguments.of(SUPERVISOR, call, 200));
            cases.add(Arguments.of(OTHER_CLERK, call, 403));
            cases.add(Arguments.of(ANALYST, call, 403));
            cases.add(Arguments.of(ADMIN, call, 403));
            cases.add(Arguments.of(NOBODY, call, 401));
        }
        Call audit = new Call("GET", "/api/registry/audit?subject={person}", null);
        cases.add(Arguments.of(SUPERVISOR, audit, 200));
        cases.add(Arguments.of(ADMIN, audit, 200));
        cases.add(Arguments.of(CLERK, audit, 403));
        cases.add(Arguments.of(INTEGRATOR, audit, 403));
        cases.add(Arguments.of(ANALYST, audit, 403));
        cases.add(Arguments.of(NOBODY, audit, 401));
        return cases.stream();
    }

    static Stream<Arguments> refusedWrites() {
        Map<String, Object> child = person("CHILD", Sex.F, LocalDate.now().minusDays(2));
        Map<String, Object> newPerson = new java.util.HashMap<>(person("OTHER"));
        newPerson.put("householdId", "{household}");
        List<Call> writes = List.of(
                new Call("POST", "/api/registry/persons", newPerson),
                new Call("POST", "/api/registry/persons/{person}/death", Map.of("diedOn", "2024-01-01")),
                new Call("PATCH", "/api/registry/persons/{person}", Map.of("name", "改名")),
                new Call("POST", "/api/registry/households/{household}/births", child),
                new Call("POST", "/api/registry/households/{household}/head", Map.of("personId", "{spouse}")),
                new Call("POST", "/api/registry/households/{household}/members", Map.of("personId", "{spouse}", "relation", "OTHER")),
                new Call("POST", "/api/registry/households/{household}/split",
                        Map.of("members", List.of(Map.of("personId", "{spouse}", "relation", "HEAD")))),
                new Call("POST", "/api/registry/households/{household}/dissolve", null),
                new Call("PATCH", "/api/registry/households/{household}",
                        Map.of("address", Map.of("township", "620821101"))));
        List<Arguments> cases = new ArrayList<>();
        for (Call call : writes) {
            for (String user : List.of(OTHER_CLERK, SUPERVISOR, ANALYST, ADMIN)) {
                cases.add(Arguments.of(user, call, 403));
            }
            cases.add(Arguments.of(NOBODY, call, 401));
        }
        Call importCsv = new Call("POST", "/api/registry/imports", ImportTest.HEADER);
        for (String user : List.of(CLERK, SUPERVISOR, ANALYST, ADMIN)) {
            cases.add(Arguments.of(user, importCsv, 403));
        }
        cases.add(Arguments.of(NOBODY, importCsv, 401));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("reads")
    void readsFollowTheCallersCounty(String user, Call call, int expected) {
        send(user, call).then().statusCode(expected);
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("refusedWrites")
    void writesOutsideTheCallersCountyOrRoleChangeNothing(String user, Call call, int expected) {
        String personTag = Api.etagOfPerson(household().getString("headPersonId"));
        String householdTag = Api.etagOfHousehold(household().getString("id"));
        send(user, call).then().statusCode(expected).contentType("application/problem+json");
        assertThat(Api.etagOfPerson(household().getString("headPersonId"))).isEqualTo(personTag);
        assertThat(Api.etagOfHousehold(household().getString("id"))).isEqualTo(householdTag);
    }

    private static io.restassured.response.Response send(String user, Call call) {
        RequestSpecification request = switch (user) {
            case NOBODY -> RestAssured.given();
            case INTEGRATOR -> Api.asIntegrator();
            default -> Api.as(user);
        };
        if (call.body() instanceof String csv) {
            request.contentType("text/csv; charset=UTF-8").body(csv);
        } else if (call.body() != null) {
            request.contentType("application/json").body(fill(call.body()));
        }
        if (call.method().equals("PATCH")) {
            request.header("If-Match", "*");
        }
        return request.request(call.method(), fill(call.path()));
    }

    private static String fill(Object body) {
        try {
            return fill(new ObjectMapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fill(String text) {
        return text.replace("{household}", household().getString("id"))
                .replace("{person}", household().getString("headPersonId"))
                .replace("{spouse}", household().getString("members.find { it.relation == 'SPOUSE' }.personId"));
    }

    private static JsonPath household() {
        if (household == null) {
            Map<String, Object> head = person("HEAD");
            head.put("name", "王建国");
            household = Api.newHousehold(head, person("SPOUSE"));
        }
        return household;
    }
}
