package org.liudong.gateway.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.liudong.stack.testing.Tokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Callers with real Keycloak tokens, and questions to the upstream doubles about what reached them. */
public final class GatewayCalls {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final HttpClient JDK_CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private GatewayCalls() {
    }

    public static String clerkToken() {
        return Tokens.user("clerk-620821");
    }

    public static String integratorToken() {
        return Tokens.client("integrator-620821", "demo");
    }

    public static RequestSpecification asClerk() {
        return given().header("Authorization", "Bearer " + clerkToken());
    }

    public static RequestSpecification asIntegrator() {
        return given().header("Authorization", "Bearer " + integratorToken());
    }

    /**
     * A POST whose body is sent in chunks ({@code Transfer-Encoding: chunked}, no {@code Content-Length}), as a
     * client streaming a body of unknown length does.
     */
    public static HttpResponse<String> postChunked(String path, String token, String contentType, byte[] body,
                                                   String requestId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("X-Request-Id", requestId)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return JDK_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A POST with a {@code Content-Length}, for bodies of several megabytes (rest-assured takes seconds per
     * megabyte to send them).
     */
    public static HttpResponse<String> postWithLength(String path, String token, String contentType, byte[] body,
                                                      String requestId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("X-Request-Id", requestId)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return JDK_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A POST that sends its body only once the server answered {@code 100 Continue}, as curl does for large ones. */
    public static HttpResponse<String> postExpectingContinue(String path, String token, String contentType,
                                                             byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .expectContinue(true)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return JDK_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static String newRequestId(String label) {
        return label + "-" + UUID.randomUUID();
    }

    /** Whether any request with this id reached registry-service. */
    public static boolean reachedRegistry(String requestId) {
        return receivedByRegistry(requestId).statusCode() == 200;
    }

    /** Body bytes registry-service has received so far for this request id. */
    public static long bytesReceivedByRegistry(String requestId) {
        Response received = receivedByRegistry(requestId);
        return received.statusCode() == 200 ? received.jsonPath().getLong("bytes") : 0;
    }

    /** Whether registry-service saw the connection of this request id's stream closed before its last event. */
    public static boolean streamCutOffAtRegistry(String requestId) {
        Response received = receivedByRegistry(requestId);
        return received.statusCode() == 200 && received.jsonPath().getBoolean("cutOff");
    }

    private static Response receivedByRegistry(String requestId) {
        String registry = ConfigProvider.getConfig().getValue("liudong.gateway.registry-url", String.class);
        return given().baseUri(registry).accept(ContentType.JSON).get("/echo/received/" + requestId);
    }
}
