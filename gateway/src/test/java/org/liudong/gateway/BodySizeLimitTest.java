package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import java.net.http.HttpResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.gateway.testing.GatewayCalls.PROBLEM_JSON;
import static org.liudong.gateway.testing.GatewayCalls.asClerk;
import static org.liudong.gateway.testing.GatewayCalls.bytesReceivedByRegistry;
import static org.liudong.gateway.testing.GatewayCalls.clerkToken;
import static org.liudong.gateway.testing.GatewayCalls.integratorToken;
import static org.liudong.gateway.testing.GatewayCalls.newRequestId;
import static org.liudong.gateway.testing.GatewayCalls.postChunked;
import static org.liudong.gateway.testing.GatewayCalls.postExpectingContinue;
import static org.liudong.gateway.testing.GatewayCalls.postWithLength;
import static org.liudong.gateway.testing.GatewayCalls.reachedRegistry;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class BodySizeLimitTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void jsonBodyOverOneMegabyteIsRefusedBeforeReachingTheService() {
        String requestId = newRequestId("too-large");
        asClerk().header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(jsonOfSize(ONE_MIB + ONE_MIB / 10))
                .when().post("/api/registry/households")
                .then().statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:liudong:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("instance", equalTo("/api/registry/households"));
        assertThat(reachedRegistry(requestId)).isFalse();
    }

    @Test
    void chunkedJsonBodyOverOneMegabyteIsRefusedBeforeReachingTheService() throws Exception {
        String requestId = newRequestId("too-large-chunked");
        HttpResponse<String> answer = postChunked("/api/registry/households", clerkToken(), "application/json",
                jsonOfSize(ONE_MIB + ONE_MIB / 10), requestId);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(new JsonObject(answer.body()).getString("type")).isEqualTo("urn:liudong:problem:payload-too-large");
        assertThat(reachedRegistry(requestId)).isFalse();
    }

    @Test
    void jsonBodyOfExactlyOneMegabyteIsForwarded() {
        asClerk().contentType(ContentType.JSON)
                .body(jsonOfSize(ONE_MIB))
                .when().post("/api/registry/households")
                .then().statusCode(200)
                .body("bodyBytes", equalTo(ONE_MIB));
    }

    @Test
    void chunkedJsonBodyUnderTheLimitIsForwardedWhole() throws Exception {
        HttpResponse<String> answer = postChunked("/api/migration/departures", clerkToken(), "application/json",
                jsonOfSize(ONE_MIB / 2), newRequestId("chunked"));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject received = new JsonObject(answer.body());
        assertThat(received.getLong("bodyBytes")).isEqualTo(ONE_MIB / 2);
        assertThat(received.getJsonObject("headers").getString("content-length")).isEqualTo(String.valueOf(ONE_MIB / 2));
    }

    @Test
    void csvImportLargerThanTheJsonLimitIsForwarded() throws Exception {
        int size = 5 * ONE_MIB;
        HttpResponse<String> answer = postWithLength("/api/registry/imports", integratorToken(), "text/csv",
                csvOfSize(size), newRequestId("import"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getLong("bodyBytes")).isEqualTo(size);
    }

    @Test
    void chunkedCsvImportLargerThanTheJsonLimitIsStreamedThrough() throws Exception {
        int size = 5 * ONE_MIB;
        HttpResponse<String> answer = postChunked("/api/registry/imports", integratorToken(), "text/csv",
                csvOfSize(size), newRequestId("chunked-import"));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject received = new JsonObject(answer.body());
        assertThat(received.getLong("bodyBytes")).isEqualTo(size);
        assertThat(received.getJsonObject("headers").getString("transfer-encoding")).isEqualTo("chunked");
    }

    @Test
    void csvImportReachesTheServiceWhileStillBeingUploaded() throws Exception {
        String requestId = newRequestId("streamed-import");
        byte[] firstPart = csvOfSize(256 * 1024);
        byte[] secondPart = csvOfSize(2 * ONE_MIB);
        HttpClient client = vertx.createHttpClient();
        try {
            HttpClientRequest upload = client.request(new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setHost(gateway.getHost()).setPort(gateway.getPort())
                            .setURI("/api/registry/imports")
                            .putHeader("Authorization", "Bearer " + integratorToken())
                            .putHeader("Content-Type", "text/csv")
                            .putHeader("X-Request-Id", requestId))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            upload.setChunked(true);
            Future<Answer> answer = upload.response()
                    .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
            upload.write(Buffer.buffer(firstPart));

            // Only a gateway that streams lets the service see the upload before it is finished.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> bytesReceivedByRegistry(requestId) >= firstPart.length);

            upload.end(Buffer.buffer(secondPart));
            Answer received = answer.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(received.status()).isEqualTo(200);
            assertThat(received.body().toJsonObject().getLong("bodyBytes")).isEqualTo(firstPart.length + secondPart.length);
        } finally {
            client.close();
        }
    }

    @Test
    @Timeout(30)
    void clientWaitingForContinueIsToldToSendItsBody() throws Exception {
        HttpResponse<String> answer = postExpectingContinue("/api/registry/imports", integratorToken(), "text/csv",
                csvOfSize(2 * ONE_MIB));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getLong("bodyBytes")).isEqualTo(2 * ONE_MIB);
    }

    @Test
    @Timeout(30)
    void clientWaitingForContinueWithTooLargeBodyIsRefusedWithoutSendingIt() throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/registry/households HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + "\r\n"
                    + "Authorization: Bearer " + clerkToken() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + 2 * ONE_MIB + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader answer = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(answer.readLine()).startsWith("HTTP/1.1 413");
        }
    }

    private record Answer(int status, Buffer body) {
    }

    static byte[] jsonOfSize(int size) {
        byte[] json = new byte[size];
        Arrays.fill(json, (byte) 'a');
        byte[] start = "{\"note\":\"".getBytes();
        System.arraycopy(start, 0, json, 0, start.length);
        json[size - 2] = '"';
        json[size - 1] = '}';
        return json;
    }

    static byte[] csvOfSize(int size) {
        byte[] csv = new byte[size];
        Arrays.fill(csv, (byte) '1');
        for (int i = 63; i < size; i += 64) {
            csv[i] = '\n';
        }
        return csv;
    }
}
