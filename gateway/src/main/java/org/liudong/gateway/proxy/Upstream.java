package org.liudong.gateway.proxy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;

/** One service behind the gateway: the paths it owns, where it listens, and its breaker. */
public record Upstream(String service, String pathPrefix, URI url, CircuitBreaker breaker) {

    /** Options for a request to this service; method and URI are set by whoever sends it. */
    public RequestOptions requestOptions() {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        return new RequestOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(tls);
    }

    public RequestOptions get(String uri) {
        return requestOptions().setMethod(HttpMethod.GET).setURI(uri);
    }
}
