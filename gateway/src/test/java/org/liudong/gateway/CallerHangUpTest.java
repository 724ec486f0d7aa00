package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liudong.gateway.testing.GatewayCalls.integratorToken;
import static org.liudong.gateway.testing.GatewayCalls.newRequestId;
import static org.liudong.gateway.testing.GatewayCalls.streamCutOffAtRegistry;

/** Callers that go away before their answer is written: nobody else may pay for it, and the service is told. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class CallerHangUpTest {

    private static final int HANG_UPS_PER_CALLER = 600;
    private static final int CALLERS_WHO_HANG_UP = 2;

    @TestHTTPResource("/")
    URL gateway;

    /**
     * Two callers hang up (a TCP reset) on every request as soon as the first byte of the answer arrives, while
     * a third, on a kept-alive connection, waits for each of its answers. The gateway reuses its connections to
     * registry-service for all three; every answer of the patient caller must be the service's own.
     */
    @Test
    @Timeout(120)
    void callerWhoHangsUpDoesNotBreakAnotherCallersRequest() throws Exception {
        String token = integratorToken();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS_WHO_HANG_UP);
        try {
            List<CompletableFuture<Void>> hangingUp = IntStream.range(0, CALLERS_WHO_HANG_UP)
                    .mapToObj(caller -> CompletableFuture.runAsync(() -> hangUpRepeatedly(token), callers))
                    .toList();
            CompletableFuture<Void> allHungUp = CompletableFuture.allOf(hangingUp.toArray(CompletableFuture[]::new));

            ConcurrentMap<Integer, AtomicInteger> patientAnswers = new ConcurrentHashMap<>();
            HttpClient patient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest lookup = HttpRequest.newBuilder(URI.create(gateway + "api/registry/persons?county=620821"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            while (!allHungUp.isDone()) {
                int status = patient.send(lookup, HttpResponse.BodyHandlers.discarding()).statusCode();
                patientAnswers.computeIfAbsent(status, ignored -> new AtomicInteger()).incrementAndGet();
            }
            allHungUp.join();

            assertThat(patientAnswers).containsOnlyKeys(200);
            assertThat(patientAnswers.get(200).get()).isPositive();
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A dashboard that leaves an event stream: the gateway closes its connection to the service, which stops
     * writing to nobody instead of holding the stream open.
     */
    @Test
    @Timeout(30)
    void streamWhoseCallerLeavesIsClosedAtTheService() throws Exception {
        String requestId = newRequestId("stream-left");
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/registry/stream HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + "\r\n"
                    + "Authorization: Bearer " + integratorToken() + "\r\n"
                    + "Accept: text/event-stream\r\n"
                    + "X-Request-Id: " + requestId + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader answer = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            do {
                line = answer.readLine();
            } while (line != null && !line.equals("data: first"));
            assertThat(line).isEqualTo("data: first");
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> streamCutOffAtRegistry(requestId));
    }

    /** Hangs up while the gateway writes an answer of about 60 KB: registry-service's double echoes the body. */
    private void hangUpRepeatedly(String token) {
        String body = "{\"note\":\"" + "a".repeat(60_000) + "\"}";
        byte[] request = ("POST /api/registry/households HTTP/1.1\r\n"
                + "Host: " + gateway.getHost() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        for (int call = 0; call < HANG_UPS_PER_CALLER; call++) {
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request);
                socket.getInputStream().read();
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                throw new IllegalStateException("the gateway did not answer a caller who then hung up", e);
            }
        }
    }
}
