package org.liudong.tokens;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * Records each bearer token quarkus-oidc verified in {@link VerifiedTokens}. It runs before every other augmentor,
 * so what it keeps is the identity as the identity provider made it; the other augmentors run again on each reuse.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (!identity.isAnonymous() && credential != null && !credential.isOpaque()
                && identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            tokens.remember(credential.getToken(), identity, Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Uni.createFrom().item(identity);
    }
}
