package org.liudong.tokens;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Takes the bearer token of a request to {@link RememberedTokenIdentityProvider} when {@link VerifiedTokens} holds
 * it, ahead of quarkus-oidc's mechanism. That one decodes the token's JSON on every request, to tell a JWT from an
 * opaque token, before any identity provider is asked: about an eighth of the CPU of a lookup by ID number, in the
 * gateway and again in the service. The identity still comes from the identity provider, so the augmentors run as
 * for any request. A token not held (new, altered, expired) gets nothing here and goes on to quarkus-oidc, which
 * verifies it in full and answers with its challenge.
 */
@ApplicationScoped
public class RememberedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final VerifiedTokens tokens;

    public RememberedTokenMechanism(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null || !tokens.holds(token)) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    /** The token of an {@code Authorization: Bearer …} header as sent (only the same bytes find a verification). */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() == BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length());
    }

    /** None of its own: a request it does not authenticate gets quarkus-oidc's challenge. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Above quarkus-oidc's mechanism ({@code quarkus.oidc.priority}, just above the default). */
    @Override
    public int getPriority() {
        return 10 * DEFAULT_PRIORITY;
    }
}
