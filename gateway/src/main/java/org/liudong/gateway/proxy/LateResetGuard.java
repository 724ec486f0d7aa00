package org.liudong.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Gives the reverse proxy a view of a request to a service that ignores a reset once the service has answered
 * with a body of known length; every other call goes to the request itself.
 * <p>
 * The proxy resets the request to the service when its caller goes away or writing the answer to the caller
 * fails, even when the answer had already come in whole. On HTTP/1.1, Vert.x 4.5 then closes the pooled
 * connection the request used (eclipse-vertx/vert.x#6294), which the pool may by then have handed to another
 * caller's request: that request failed with 502 "Connection was closed", and the failure counted against the
 * service's breaker. A caller that hung up thus broke someone else's request. Without the reset, the proxy reads
 * what remains of an answer of known length and drops it (should that stall, the request's idle timeout ends it),
 * and the connection goes back to the pool whole. Before the answer, or for an answer without a length
 * (server-sent events), the reset still cuts the exchange off and closes the connection, as it must.
 */
final class LateResetGuard implements InvocationHandler {

    private final HttpClientRequest request;

    private LateResetGuard(HttpClientRequest request) {
        this.request = request;
    }

    static HttpClientRequest guard(HttpClientRequest request) {
        return (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class}, new LateResetGuard(request));
    }

    @Override
    public Object invoke(Object guarded, Method method, Object[] arguments) throws Throwable {
        if (method.getName().equals("reset") && answerEndsOnItsOwn()) {
            return false;
        }
        try {
            Object result = method.invoke(request, arguments);
            return result == request ? guarded : result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private boolean answerEndsOnItsOwn() {
        Future<HttpClientResponse> response = request.response();
        if (!response.succeeded()) {
            return false;
        }
        HttpClientResponse answer = response.result();
        return answer.end().isComplete() || answer.headers().contains(HttpHeaders.CONTENT_LENGTH);
    }
}
