package org.liudong.tokens;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests the mechanism takes to the identity providers itself, and which it leaves to quarkus-oidc. */
class RememberedTokenMechanismTest {

    private final VerifiedTokens tokens = new VerifiedTokens();
    private final RememberedTokenMechanism mechanism = new RememberedTokenMechanism(tokens);
    private final List<AuthenticationRequest> asked = new ArrayList<>();
    private final SecurityIdentity clerk = QuarkusSecurityIdentity.builder()
            .setPrincipal((Principal) () -> "clerk-620821").addRole("clerk").build();

    @Test
    void aHeldTokenGoesToTheIdentityProvidersWithItsRequest() {
        tokens.remember("header.claims.signature", clerk, Instant.now().plusSeconds(300));
        RoutingContext request = request("Bearer header.claims.signature");

        SecurityIdentity identity = mechanism.authenticate(request, identityProviders()).await().indefinitely();

        assertThat(identity).isSameAs(clerk);
        assertThat(asked).singleElement().isInstanceOfSatisfying(TokenAuthenticationRequest.class, token -> {
            assertThat(token.getToken().getToken()).isEqualTo("header.claims.signature");
            assertThat(HttpSecurityUtils.getRoutingContextAttribute(token)).isSameAs(request);
        });
    }

    @Test
    void anyOtherRequestIsLeftToQuarkusOidc() {
        tokens.remember("header.claims.signature", clerk, Instant.now().plusSeconds(300));

        for (String authorization : new String[] {"Bearer header.claims.signaturf", "Bearer new.token.here",
                "Basic Y2xlcms6ZGVtbw==", null}) {
            assertThat(mechanism.authenticate(request(authorization), identityProviders()).await().indefinitely())
                    .as(authorization).isNull();
        }
        assertThat(asked).isEmpty();
        assertThat(mechanism.getChallenge(request(null)).await().indefinitely()).isNull();
    }

    @Test
    void theMechanismTakesTheTokenOfABearerHeaderAsSent() {
        assertThat(RememberedTokenMechanism.bearerToken("Bearer header.claims.signature"))
                .isEqualTo("header.claims.signature");
        assertThat(RememberedTokenMechanism.bearerToken("bearer header.claims.signature"))
                .isEqualTo("header.claims.signature");
        assertThat(RememberedTokenMechanism.bearerToken("Bearer header.claims.signature "))
                .isEqualTo("header.claims.signature ");
        assertThat(RememberedTokenMechanism.bearerToken("Bearer ")).isNull();
        assertThat(RememberedTokenMechanism.bearerToken("Basic Y2xlcms6ZGVtbw==")).isNull();
        assertThat(RememberedTokenMechanism.bearerToken("Bearer")).isNull();
        assertThat(RememberedTokenMechanism.bearerToken(null)).isNull();
    }

    /** Identity providers that record what they are asked and answer with the clerk. */
    private IdentityProviderManager identityProviders() {
        return new IdentityProviderManager() {
            @Override
            public Uni<SecurityIdentity> authenticate(AuthenticationRequest request) {
                return Uni.createFrom().item(authenticateBlocking(request));
            }

            @Override
            public SecurityIdentity authenticateBlocking(AuthenticationRequest request) {
                asked.add(request);
                return clerk;
            }
        };
    }

    private static RoutingContext request(String authorization) {
        HttpServerRequest http = (HttpServerRequest) Proxy.newProxyInstance(
                RememberedTokenMechanismTest.class.getClassLoader(), new Class<?>[] {HttpServerRequest.class},
                (proxy, method, arguments) -> method.getName().equals("getHeader") ? authorization : null);
        return (RoutingContext) Proxy.newProxyInstance(RememberedTokenMechanismTest.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "request" -> http;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> null;
                });
    }
}
