package org.liudong.gateway.security;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.liudong.gateway.http.ProblemResponses;

/**
 * Only authenticated callers reach a service. quarkus-oidc has already checked the bearer token (signature
 * against the realm's keys, issuer, audience {@code liudong-api}, expiry; {@code alg=none} is refused) before any
 * route runs: a bad token fails the request, no token leaves an anonymous identity. Both end here as 401
 * problem+json. The token itself goes on to the service unchanged, which checks it again.
 */
public final class ApiAuthentication {

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private ApiAuthentication() {
    }

    /** The authenticated caller, or {@code null} when the request carried no token. */
    public static SecurityIdentity callerOf(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }

    public static void requireCaller(RoutingContext context) {
        if (callerOf(context) == null) {
            reject(context);
        } else {
            context.next();
        }
    }

    /** Failure handler: a request whose token was refused during authentication. */
    public static void onFailure(RoutingContext context) {
        if (context.failure() instanceof AuthenticationException && !context.response().ended()) {
            reject(context);
        } else {
            context.next();
        }
    }

    private static void reject(RoutingContext context) {
        if (!context.response().headers().contains(WWW_AUTHENTICATE)) {
            context.response().putHeader(WWW_AUTHENTICATE, "Bearer");
        }
        ProblemResponses.send(context, ProblemResponses.unauthenticated());
    }
}
