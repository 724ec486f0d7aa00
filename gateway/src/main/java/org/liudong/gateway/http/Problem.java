package org.liudong.gateway.http;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem detail, shaped like the services' own ({@code urn:liudong:problem:<kind>} types and the
 * request id), so a caller handles an error from the gateway and one from a service the same way.
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:liudong:problem:";

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, null, null);
    }

    public Problem at(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json;
    }
}
