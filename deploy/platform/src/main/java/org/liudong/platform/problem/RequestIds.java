package org.liudong.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;

/** The gateway gives every request an {@code X-Request-Id}; services echo it in answers and logs. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    public static String of(HttpHeaders headers) {
        return headers == null ? null : headers.getHeaderString(HEADER);
    }
}
