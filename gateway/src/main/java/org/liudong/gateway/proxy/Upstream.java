package org.liudong.gateway.proxy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;

/** One service behind the gateway: the paths it owns, where it listens, and its breaker. */
public record Upstream(String service, String pathPrefix, URI url, CircuitBreaker breaker) {

    /** Options for a request to this service; method and URI are set by whoever sends it. */
    public RequestOptions requestOptions() {
        return new RequestOptions()
                .setHost(url.getHost())
                .setPort(portOf(url))
                .setSsl("https".equalsIgnoreCase(url.getScheme()));
    }

    public RequestOptions get(String uri) {
        return requestOptions().setMethod(HttpMethod.GET).setURI(uri);
    }

    /**
     * A {@code Location} this service answered with, as the caller is to follow it: the service builds it from
     * its own address, which is internal (and behind the gateway's TLS terminator the scheme would be wrong too),
     * so it becomes a path, resolved against wherever the caller reached the gateway (RFC 9110, 10.2.2). A
     * location elsewhere is left as it is.
     */
    public String locationForCaller(String location) {
        URI given;
        try {
            given = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (given.getHost() == null || !given.getHost().equalsIgnoreCase(url.getHost())
                || portOf(given) != portOf(url) || given.getRawPath() == null) {
            return location;
        }
        return given.getRawPath()
                + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery())
                + (given.getRawFragment() == null ? "" : "#" + given.getRawFragment());
    }

    private static int portOf(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
