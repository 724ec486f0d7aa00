package org.liudong.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.liudong.gateway.config.GatewayConfig;
import org.liudong.gateway.http.ProblemResponses;

/**
 * Keeps oversized bodies away from the services (413). A declared {@code Content-Length} is checked before
 * anything is sent. A body of unknown length (chunked) is handled by kind: an ordinary (JSON) body is at most
 * 1 MB, so it is collected up to the limit and sent only when complete — a service never sees a part of an
 * oversized one; a CSV import is streamed through chunk by chunk and cut off once it passes its limit.
 */
public final class BodySizeLimit implements ProxyInterceptor {

    public static final String IMPORT_PATH = "/api/registry/imports";

    private final long jsonLimit;
    private final long importLimit;

    public BodySizeLimit(GatewayConfig.Limits limits) {
        this.jsonLimit = limits.jsonBody().asLongValue();
        this.importLimit = limits.importBody().asLongValue();
    }

    public static boolean isImport(ProxyRequest request) {
        String path = request.proxiedRequest().path();
        return path.equals(IMPORT_PATH) || path.equals(IMPORT_PATH + "/");
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        boolean isImport = isImport(request);
        long limit = isImport ? importLimit : jsonLimit;
        long declaredLength = request.getBody() == null ? -1 : request.getBody().length();

        if (declaredLength > limit) {
            return tooLarge(context, limit);
        }
        if (declaredLength < 0 && hasBodyOfUnknownLength(request.proxiedRequest())) {
            return isImport ? streamWithin(context, limit) : collectWithin(context, limit);
        }
        acceptBody(request);
        return context.sendRequest();
    }

    private Future<ProxyResponse> collectWithin(ProxyContext context, long limit) {
        ProxyRequest request = context.request();
        ReadStream<Buffer> body = request.getBody().stream();
        Promise<Buffer> complete = Promise.promise();
        Buffer collected = Buffer.buffer();
        body.handler(chunk -> {
            if (complete.future().isComplete()) {
                return; // over the limit: the rest is read and dropped
            }
            if (collected.length() + chunk.length() > limit) {
                complete.fail(new LimitedReadStream.BodyTooLargeException(limit));
            } else {
                collected.appendBuffer(chunk);
            }
        });
        body.exceptionHandler(complete::tryFail);
        body.endHandler(ignored -> complete.tryComplete(collected));
        acceptBody(request);
        body.resume();
        return complete.future().compose(
                whole -> {
                    request.setBody(Body.body(whole));
                    return context.sendRequest();
                },
                failure -> failure instanceof LimitedReadStream.BodyTooLargeException
                        ? tooLarge(context, limit)
                        : Future.failedFuture(failure));
    }

    private Future<ProxyResponse> streamWithin(ProxyContext context, long limit) {
        ProxyRequest request = context.request();
        LimitedReadStream limited = new LimitedReadStream(request.getBody().stream(), limit);
        request.setBody(Body.body(limited));
        acceptBody(request);
        return context.sendRequest().recover(failure -> limited.exceeded()
                ? tooLarge(context, limit)
                : Future.failedFuture(failure));
    }

    private static Future<ProxyResponse> tooLarge(ProxyContext context, long limit) {
        context.set(UpstreamFailures.ANSWERED_BY_GATEWAY, Boolean.TRUE);
        ProxyRequest request = context.request().release();
        return Future.succeededFuture(ProblemResponses.toProxyResponse(request, ProblemResponses.payloadTooLarge(limit)));
    }

    private static boolean hasBodyOfUnknownLength(HttpServerRequest request) {
        String transferEncoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        boolean chunked = transferEncoding != null && transferEncoding.toLowerCase().contains("chunked");
        return chunked || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
    }

    /**
     * A client that asked to be told before sending its body ({@code Expect: 100-continue}) is told here, once
     * the request passed every check; the service is not asked again.
     */
    private static void acceptBody(ProxyRequest request) {
        String expect = request.headers().get(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            request.headers().remove(HttpHeaders.EXPECT);
            request.proxiedRequest().response().writeContinue();
        }
    }
}
