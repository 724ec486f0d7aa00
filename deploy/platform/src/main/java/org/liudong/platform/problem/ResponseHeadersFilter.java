package org.liudong.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;

/**
 * Headers every service answer carries, whether or not it came through the gateway: the request id (the
 * caller's, or a new one), {@code nosniff}, and {@code no-store} because answers may hold personal data.
 */
@Provider
public class ResponseHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String requestId = request.getHeaderString(RequestIds.HEADER);
        response.getHeaders().putSingle(RequestIds.HEADER, requestId != null ? requestId : UUID.randomUUID().toString());
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (!response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
