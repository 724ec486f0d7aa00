package org.liudong.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.gateway.config.GatewayConfig;

import java.time.Duration;
import java.util.List;

/** The three services and the one HTTP client (with its connection pools) used to reach them. */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> all;
    private final HttpClient client;

    Upstreams(Vertx vertx, GatewayConfig config) {
        this.all = List.of(
                new Upstream("registry-service", "/api/registry", config.registryUrl(),
                        new CircuitBreaker(config.circuitBreaker())),
                new Upstream("migration-service", "/api/migration", config.migrationUrl(),
                        new CircuitBreaker(config.circuitBreaker())),
                new Upstream("assessment-service", "/api/assessment", config.assessmentUrl(),
                        new CircuitBreaker(config.circuitBreaker())));
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerUpstream())
                .setKeepAlive(true));
    }

    public List<Upstream> all() {
        return all;
    }

    public HttpClient client() {
        return client;
    }

    /** A GET of one of the service's own endpoints (readiness, OpenAPI document), bounded by {@code timeout}. */
    public Future<Answer> get(Upstream upstream, String uri, Duration timeout) {
        RequestOptions options = upstream.get(uri)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public record Answer(int status, Buffer body) {
    }
}
