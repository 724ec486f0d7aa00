package org.liudong.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liudong.e2e.Platform;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of every service, through the gateway, as every demo caller, against records of 620821 and of
 * 440305, with the exact status {@code security/authorization-matrix.csv} expects. Writes on existing records carry a
 * stale {@code If-Match}, so a caller who is allowed proves it with 412 and nothing changes.
 */
@ExtendWith(Platform.class)
class AuthorizationMatrixIT {

    static final String STALE = "\"999999\"";

    private static final List<MatrixEntry> MATRIX = MatrixEntry.load("/security/authorization-matrix.csv");

    /** How each operation is called: the request (body, headers) for a record of the target county. */
    private static final Map<String, BiFunction<RequestSpecification, CountyRecords, RequestSpecification>> REQUESTS =
            Map.ofEntries(
                    Map.entry("POST /api/registry/households", (r, c) -> r.body(People.householdJson(c.county(),
                            People.householdNumber(), People.resident(c.county(), "矩阵户主", "M", "HEAD")))),
                    Map.entry("PATCH /api/registry/households/{household}", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"address\":{\"township\":\"" + People.township(c.county()) + "\",\"detail\":\"改\"}}")),
                    Map.entry("POST /api/registry/households/{household}/births", (r, c) -> r
                            .body(People.bornOn(c.county(), LocalDate.now(), "矩阵新生", "F", "CHILD").json())),
                    Map.entry("POST /api/registry/households/{household}/dissolve", (r, c) -> r.header("If-Match", STALE)),
                    Map.entry("POST /api/registry/households/{household}/head", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"personId\":\"" + c.person() + "\"}")),
                    Map.entry("POST /api/registry/households/{household}/members", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"personId\":\"" + c.person() + "\",\"relation\":\"OTHER\"}")),
                    Map.entry("POST /api/registry/households/{household}/split", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"members\":[{\"personId\":\"" + c.person() + "\",\"relation\":\"HEAD\"}]}")),
                    Map.entry("POST /api/registry/persons", (r, c) -> r.body(People.resident(c.county(), "矩阵成员", "M",
                            "CHILD").json().replaceFirst("\\{", "{\"householdId\":\"" + c.household() + "\","))),
                    Map.entry("PATCH /api/registry/persons/{person}", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"phone\":\"13800000000\"}")),
                    Map.entry("POST /api/registry/persons/{person}/death", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"diedOn\":\"" + LocalDate.now() + "\"}")),
                    Map.entry("POST /api/registry/persons/{person}/cancellation", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"reason\":\"SETTLED_ABROAD\",\"cancelledOn\":\"" + LocalDate.now() + "\"}")),
                    Map.entry("PUT /api/registry/divisions/{unknownDivision}/retirement", (r, c) -> r
                            .body("{\"validTo\":\"" + LocalDate.now() + "\",\"reason\":\"矩阵\"}")),
                    Map.entry("POST /api/registry/imports", (r, c) -> r.contentType("text/csv")
                            .body(CountyRecords.importCsv(c.county()))),
                    Map.entry("POST /api/migration/departures", (r, c) -> r.body(CountyRecords.departureJson(
                            CountyRecords.registeredResident(c.county(), "M"), c.county(), CountyRecords.THIRD_COUNTY))),
                    Map.entry("POST /api/migration/arrivals", (r, c) -> r.body(CountyRecords.arrivalJson(
                            People.resident(CountyRecords.THIRD_COUNTY, "矩阵迁入", "F", "HEAD"),
                            CountyRecords.THIRD_COUNTY, c.county()))),
                    Map.entry("POST /api/migration/moves/{move}/reject", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"reason\":\"矩阵\"}")),
                    Map.entry("POST /api/migration/moves/{move}/revoke", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"reason\":\"矩阵\"}")),
                    Map.entry("POST /api/migration/moves/{move}/return", (r, c) -> r.header("If-Match", STALE)
                            .body("{\"returnedOn\":\"" + LocalDate.now() + "\"}")),
                    Map.entry("POST /api/migration/moves/{move}/residence/renew", (r, c) -> r.header("If-Match", STALE)),
                    Map.entry("POST /api/migration/verifications", (r, c) -> r.body("{\"toCounty\":\""
                            + CountyRecords.THIRD_COUNTY + "\",\"moveId\":\"" + c.move()
                            + "\",\"question\":\"CONFIRM_DEPARTURE\",\"urgent\":false}")),
                    Map.entry("POST /api/migration/verifications/{verification}/answer", (r, c) -> r
                            .header("If-Match", STALE).body("{\"outcome\":\"CONFIRMED\",\"note\":\"矩阵\"}")),
                    Map.entry("PUT /api/assessment/targets/{indicator}", (r, c) -> r.body("{\"jurisdiction\":\""
                            + c.county() + "\",\"value\":0.8,\"direction\":\"AT_LEAST\",\"weight\":20}")));

    @Test
    void everyOperationOfTheCombinedApiDocumentHasAMatrixEntry() {
        JsonPath document = RestAssured.given().get("/api-docs/openapi.json").then().statusCode(200).extract().jsonPath();
        assertThat(document.getList("info.x-unavailable-services", String.class))
                .as("services whose API the gateway could not fetch").isNullOrEmpty();
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                .forEach(method -> operations.add(MatrixEntry.operation(method.toUpperCase(), path))));
        Set<String> covered = MATRIX.stream().map(MatrixEntry::operation).collect(Collectors.toSet());

        assertThat(operations).as("operations of the API without a matrix entry").isSubsetOf(covered);
        assertThat(covered).as("matrix entries for operations the API no longer has").isSubsetOf(operations);
    }

    @Test
    void everyOperationIsTriedByEveryCaller() {
        Map<String, Set<String>> callersByOperation = MATRIX.stream().collect(Collectors.groupingBy(
                MatrixEntry::operation, Collectors.mapping(MatrixEntry::caller, Collectors.toSet())));
        callersByOperation.forEach((operation, callers) ->
                assertThat(callers).as(operation).containsExactlyInAnyOrderElementsOf(Callers.ALL));
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsExactlyTheStatusTheMatrixExpects() {
        return MATRIX.stream().filter(MatrixEntry::sent).map(entry -> DynamicTest.dynamicTest(entry.toString(), () -> {
            CountyRecords records = entry.target().isEmpty() ? CountyRecords.of("620821")
                    : CountyRecords.of(entry.target());
            assertThat(send(entry, records)).as(entry + (entry.note().isEmpty() ? "" : " — " + entry.note()))
                    .isEqualTo(entry.expected());
        }));
    }

    private static int send(MatrixEntry entry, CountyRecords records) {
        String path = resolve(entry.path(), records);
        if (entry.path().startsWith("/api/assessment/stream")) {
            return openStream(entry.caller(), path);
        }
        RequestSpecification request = Callers.as(entry.caller());
        BiFunction<RequestSpecification, CountyRecords, RequestSpecification> shape =
                REQUESTS.get(entry.method() + " " + entry.path());
        if (shape != null) {
            request = shape.apply(request, records);
        }
        Response response = request.request(entry.method(), path);
        if (response.statusCode() == 422 && entry.path().equals("/api/migration/departures")) {
            // migration-service learns of the new resident from registry.events a moment later
            String body = CountyRecords.departureJson(CountyRecords.registeredResident(records.county(), "M"),
                    records.county(), CountyRecords.THIRD_COUNTY);
            response = CountyRecords.postOnceKnown(entry.caller(), path, body);
        }
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).as(entry + ": a refusal is problem+json").startsWith(Callers.PROBLEM_JSON);
        }
        return response.statusCode();
    }

    static String resolve(String template, CountyRecords records) {
        return template.replace("{county}", records.county())
                .replace("{household}", records.household())
                .replace("{person}", records.person())
                .replace("{idNumber}", records.head().idNumber())
                .replace("{move}", records.move())
                .replace("{verification}", records.verification())
                .replace("{inboxItem}", records.inboxItem())
                .replace("{importJob}", records.importJob() == null ? UUID.randomUUID().toString() : records.importJob())
                .replace("{unknown}", UUID.randomUUID().toString())
                .replace("{unknownDivision}", "999999")
                .replace("{indicator}", "arrivalMatchRate");
    }

    /** Server-sent events stay open: only the status line matters, then the stream is closed. */
    private static int openStream(String caller, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "text/event-stream");
        if (!Callers.ANONYMOUS.equals(caller)) {
            request.header("Authorization", "Bearer " + Callers.token(caller));
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 400) {
                    assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("idNumber");
                }
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
