package org.liudong.tokens;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(clock);
    private final RoutingContext request = request();

    @Test
    void aRememberedTokenFindsItsIdentityUntilItExpires() {
        SecurityIdentity clerk = identity("clerk-620821");
        tokens.remember("token-a", clerk, NOW.plusSeconds(300));

        assertThat(tokens.find("token-a", request).map(found -> found.getPrincipal().getName()))
                .hasValue("clerk-620821");
        clock.now = NOW.plusSeconds(299);
        assertThat(tokens.find("token-a", request)).isPresent();
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.find("token-a", request)).isEmpty();
        assertThat(tokens.reuses()).isEqualTo(2);
    }

    @Test
    void onlyTheExactTokenFindsAnEntry() {
        tokens.remember("header.claims.signature", identity("clerk-620821"), NOW.plusSeconds(300));

        assertThat(tokens.find("header.claims.signaturf", request)).isEmpty();
        assertThat(tokens.find("header.claims.signature ", request)).isEmpty();
        assertThat(tokens.find("header.claims.signature", request)).isPresent();
    }

    @Test
    void aTokenIsHeldWhileItsVerificationIsRememberedWithoutCountingAsAReuse() {
        tokens.remember("token-a", identity("clerk-620821"), NOW.plusSeconds(300));

        assertThat(tokens.holds("token-a")).isTrue();
        assertThat(tokens.holds("token-b")).isFalse();
        assertThat(tokens.reuses()).isZero();
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.holds("token-a")).isFalse();
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        tokens.remember("token-old", identity("clerk-620821"), NOW);
        tokens.remember("token-older", identity("clerk-620821"), NOW.minusSeconds(1));

        assertThat(tokens.find("token-old", request)).isEmpty();
        assertThat(tokens.find("token-older", request)).isEmpty();
    }

    @Test
    void aTokenKeepsTheIdentityItWasFirstRememberedWith() {
        tokens.remember("token-a", identity("clerk-620821"), NOW.plusSeconds(300));
        tokens.remember("token-a", identity("admin"), NOW.plusSeconds(600));

        assertThat(tokens.find("token-a", request).map(found -> found.getPrincipal().getName()))
                .hasValue("clerk-620821");
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.find("token-a", request)).isEmpty();
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndLiveOnesAreNotPushedOut() {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            tokens.remember("token-" + i, identity("clerk-620821"), NOW.plusSeconds(i < 10 ? 60 : 300));
        }
        tokens.remember("one-too-many", identity("clerk-620821"), NOW.plusSeconds(300));
        assertThat(tokens.find("one-too-many", request)).isEmpty();
        assertThat(tokens.find("token-0", request)).isPresent();

        clock.now = NOW.plusSeconds(60);
        tokens.remember("after-ten-expired", identity("clerk-620821"), NOW.plusSeconds(300));
        assertThat(tokens.find("after-ten-expired", request)).isPresent();
        assertThat(tokens.find("token-0", request)).isEmpty();
        assertThat(tokens.find("token-10", request)).isPresent();
    }

    @Test
    void aFoundIdentityBelongsToTheRequestAtHandNotToTheOneItWasVerifiedIn() {
        RoutingContext verifiedIn = request();
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity("clerk-620821"))
                .addAttribute(RoutingContext.class.getName(), verifiedIn).addAttribute("tenant-id", "Default").build();
        tokens.remember("token-a", verified, NOW.plusSeconds(300));

        SecurityIdentity found = tokens.find("token-a", request).orElseThrow();
        assertThat(found.<Object>getAttribute(RoutingContext.class.getName())).isSameAs(request);
        assertThat(found.<Object>getAttribute("tenant-id")).isEqualTo("Default");
        assertThat(found.getRoles()).containsExactly("clerk");
    }

    private static SecurityIdentity identity(String name) {
        Principal principal = () -> name;
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRole("clerk").build();
    }

    /** A request that is only ever compared by identity: it has no state, and every other method answers null. */
    private static RoutingContext request() {
        return (RoutingContext) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "request";
                    default -> null;
                });
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
