package org.liudong.gateway.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.liudong.gateway.http.ProblemResponses;
import org.liudong.gateway.http.RequestIdFilter;

/**
 * Only authenticated callers reach a service. quarkus-oidc has already checked the bearer token (signature
 * against the realm's keys, issuer, audience {@code liudong-api}, expiry; {@code alg=none} is refused) before any
 * route runs: a bad token fails the request, no token leaves an anonymous identity. Both end here as 401
 * problem+json. The token itself goes on to the service unchanged, which checks it again.
 */
public final class ApiAuthentication {

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final Logger LOG = Logger.getLogger(ApiAuthentication.class);

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

    /**
     * Failure handler: a request whose token was refused during authentication, or could not be checked because
     * Keycloak cannot be reached (503: the caller may well hold a good token).
     */
    public static void onFailure(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        if (context.failure() instanceof AuthenticationException) {
            reject(context);
        } else if (causedByIdentityProvider(context.failure())) {
            LOG.warnf("Token not checked, the identity provider is unreachable: %s (request %s)",
                    context.failure().getMessage(), RequestIdFilter.requestIdOf(context.request()));
            context.response().putHeader("Retry-After", "5");
            ProblemResponses.send(context, ProblemResponses.identityProviderUnavailable());
        } else {
            context.next();
        }
    }

    private static boolean causedByIdentityProvider(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }

    private static void reject(RoutingContext context) {
        if (!context.response().headers().contains(WWW_AUTHENTICATE)) {
            context.response().putHeader(WWW_AUTHENTICATE, "Bearer");
        }
        ProblemResponses.send(context, ProblemResponses.unauthenticated());
    }
}
