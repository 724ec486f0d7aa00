package org.liudong.tokens;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Authenticates a bearer token from {@link VerifiedTokens} when it was verified before. It is asked before
 * quarkus-oidc's provider; answering nothing hands the token to that provider, which verifies it in full.
 */
@ApplicationScoped
public class RememberedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public RememberedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above quarkus-oidc's provider, which has the default priority. */
    @Override
    public int priority() {
        return 2 * SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (http == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(tokens.find(request.getToken().getToken())
                .map(identity -> forRequest(identity, http))
                .orElse(null));
    }

    /** The remembered identity, with the HTTP request it belongs to now instead of the one it was verified in. */
    private static SecurityIdentity forRequest(SecurityIdentity remembered, RoutingContext request) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(remembered);
        for (Map.Entry<String, Object> attribute : remembered.getAttributes().entrySet()) {
            if (attribute.getValue() instanceof RoutingContext) {
                identity.addAttribute(attribute.getKey(), request);
            }
        }
        return identity.build();
    }
}
