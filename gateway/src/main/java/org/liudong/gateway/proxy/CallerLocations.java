package org.liudong.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** Points the {@code Location} of a service's answer (a created record, an import job) through the gateway. */
final class CallerLocations implements ProxyInterceptor {

    private final Upstream upstream;

    CallerLocations(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse answer = context.response();
        String location = answer.headers().get(HttpHeaders.LOCATION);
        if (location != null) {
            answer.headers().set(HttpHeaders.LOCATION, upstream.locationForCaller(location));
        }
        return context.sendResponse();
    }
}
