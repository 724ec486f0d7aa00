package org.liudong.migration.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP server standing in for registry-service in @QuarkusTests: it answers
 * {@code GET /api/registry/persons/{id}} as the registry does (401 without a bearer token, 403 when the token's
 * jurisdiction does not cover the person's registry county, 404 for an unknown id). Tests put persons in with
 * {@code PUT /api/registry/persons/{id}} and read how often each was fetched from {@code GET /fetches/{id}};
 * {@code PUT /outage/true} makes it drop every connection, as a registry killed mid-request does, until
 * {@code PUT /outage/false}.
 * The whole platform's end-to-end test covers the real registry.
 */
public class FakeRegistry implements QuarkusTestResourceLifecycleManager {

    public static final String URL_KEY = "liudong.migration.registry-url";

    private Vertx vertx;
    private final Map<String, JsonObject> persons = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final AtomicBoolean outage = new AtomicBoolean();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.put("/api/registry/persons/:id").handler(this::put);
        router.get("/api/registry/persons/:id").handler(this::get);
        router.put("/outage/:on").handler(ctx -> {
            outage.set(Boolean.parseBoolean(ctx.pathParam("on")));
            ctx.response().setStatusCode(204).end();
        });
        router.get("/fetches/:id").handler(ctx -> ctx.response().end(
                String.valueOf(fetches.getOrDefault(ctx.pathParam("id"), new AtomicInteger()).get())));
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return Map.of(URL_KEY, "http://127.0.0.1:" + server.actualPort());
        } catch (Exception e) {
            throw new IllegalStateException("the fake registry did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private void put(RoutingContext ctx) {
        persons.put(ctx.pathParam("id"), ctx.body().asJsonObject());
        ctx.response().setStatusCode(204).end();
    }

    private void get(RoutingContext ctx) {
        if (outage.get()) {
            ctx.request().connection().close();
            return;
        }
        String id = ctx.pathParam("id");
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() < 20) {
            ctx.response().setStatusCode(401).end();
            return;
        }
        fetches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        JsonObject person = persons.get(id);
        if (person == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        String jurisdiction = jurisdictionOf(authorization.substring("Bearer ".length()));
        if (jurisdiction == null || !person.getString("registryCounty").startsWith(jurisdiction)) {
            ctx.response().setStatusCode(403).end();
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").end(person.encode());
    }

    /** The claim as the registry reads it from the verified token (signature checks are Keycloak's business). */
    private static String jurisdictionOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return claims.getString("jurisdiction");
    }
}
