package org.liudong.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server standing in for one service: it answers every request with what it received (method, path,
 * query, headers, body size), serves an OpenAPI document and a readiness endpoint like a Quarkus service, never
 * answers paths ending in {@code /slow}, answers 201 with a {@code Location} at its own address for paths ending in
 * {@code /created} and 303 to another site for {@code /elsewhere}, streams two server-sent events with a pause for
 * paths ending in {@code /stream}, and tells the tests how many body bytes arrived for a request id
 * ({@code GET /echo/received/<id>}), so a test can prove that nothing — or something already — reached it, and
 * whether a stream's connection was closed before its last event ({@code cutOff}).
 */
public final class EchoUpstream {

    private static final int BODY_ECHO_LIMIT = 64 * 1024;
    public static final long STREAM_PAUSE_MILLIS = 2_500;
    public static final String ELSEWHERE = "https://elsewhere.example/where?x=1";

    private final String name;
    private final JsonObject openApi;
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private HttpServer server;
    private Vertx vertx;

    public EchoUpstream(String name, JsonObject openApi) {
        this.name = name;
        this.openApi = openApi;
    }

    public int start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle);
        return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi.encode());
        } else if (path.startsWith("/echo/received/")) {
            Received seen = received.get(path.substring("/echo/received/".length()));
            if (seen == null) {
                request.response().setStatusCode(404).end();
            } else {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("bytes", seen.bytes.get()).put("ended", seen.ended)
                                .put("cutOff", seen.cutOff).encode());
            }
        } else if (path.endsWith("/stream")) {
            streamEvents(request);
        } else if (path.endsWith("/created")) {
            // as a Quarkus service builds it: from the address the request reached it at
            String record = path.substring(0, path.length() - "/created".length()) + "/42?view=full";
            request.response().setStatusCode(201).putHeader("Location", "http://" + request.authority() + record).end();
        } else if (path.endsWith("/elsewhere")) {
            request.response().setStatusCode(303).putHeader("Location", ELSEWHERE).end();
        } else if (path.endsWith("/slow")) {
            request.handler(chunk -> { });
        } else {
            echo(request);
        }
    }

    /** Server-sent events with a pause longer than the gateway's request timeout in tests (2 s). */
    private void streamEvents(HttpServerRequest request) {
        Received seen = receivedFor(request);
        request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        request.response().write("data: first\n\n");
        request.response().exceptionHandler(failure -> { });
        request.response().closeHandler(closed -> seen.cutOff = !request.response().ended());
        vertx.setTimer(STREAM_PAUSE_MILLIS, timer -> {
            if (!request.response().closed()) {
                request.response().end("data: second\n\n");
            }
        });
    }

    private Received receivedFor(HttpServerRequest request) {
        Received seen = new Received();
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            received.put(requestId, seen);
        }
        return seen;
    }

    private void echo(HttpServerRequest request) {
        String requestId = request.getHeader("X-Request-Id");
        Received seen = receivedFor(request);
        StringBuilder text = new StringBuilder();
        request.handler(chunk -> {
            seen.bytes.addAndGet(chunk.length());
            if (text.length() < BODY_ECHO_LIMIT) {
                text.append(chunk.toString(StandardCharsets.UTF_8));
            }
        });
        request.endHandler(ignored -> {
            seen.ended = true;
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(header ->
                    headers.put(header.toLowerCase(), String.join(",", request.headers().getAll(header))));
            JsonObject echo = new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("bodyBytes", seen.bytes.get())
                    .put("body", seen.bytes.get() <= BODY_ECHO_LIMIT ? text.toString() : null);
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "max-age=60")
                    .putHeader("X-Request-Id", requestId == null ? "none" : requestId)
                    .end(echo.encode());
        });
    }

    public void stop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static final class Received {
        final AtomicLong bytes = new AtomicLong();
        volatile boolean ended;
        volatile boolean cutOff;
    }
}
