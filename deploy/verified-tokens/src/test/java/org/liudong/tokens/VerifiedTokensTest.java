package org.liudong.tokens;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

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

    @Test
    void aRememberedTokenFindsItsIdentityUntilItExpires() {
        SecurityIdentity clerk = identity("clerk-620821");
        tokens.remember("token-a", clerk, NOW.plusSeconds(300));

        assertThat(tokens.find("token-a")).containsSame(clerk);
        clock.now = NOW.plusSeconds(299);
        assertThat(tokens.find("token-a")).containsSame(clerk);
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.find("token-a")).isEmpty();
        assertThat(tokens.reuses()).isEqualTo(2);
    }

    @Test
    void onlyTheExactTokenFindsAnEntry() {
        tokens.remember("header.claims.signature", identity("clerk-620821"), NOW.plusSeconds(300));

        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
        assertThat(tokens.find("header.claims.signature ")).isEmpty();
        assertThat(tokens.find("header.claims.signature")).isPresent();
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        tokens.remember("token-old", identity("clerk-620821"), NOW);
        tokens.remember("token-older", identity("clerk-620821"), NOW.minusSeconds(1));

        assertThat(tokens.find("token-old")).isEmpty();
        assertThat(tokens.find("token-older")).isEmpty();
    }

    @Test
    void aTokenKeepsTheIdentityItWasFirstRememberedWith() {
        SecurityIdentity first = identity("clerk-620821");
        tokens.remember("token-a", first, NOW.plusSeconds(300));
        tokens.remember("token-a", identity("admin"), NOW.plusSeconds(600));

        assertThat(tokens.find("token-a")).containsSame(first);
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndLiveOnesAreNotPushedOut() {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            tokens.remember("token-" + i, identity("clerk-620821"), NOW.plusSeconds(i < 10 ? 60 : 300));
        }
        tokens.remember("one-too-many", identity("clerk-620821"), NOW.plusSeconds(300));
        assertThat(tokens.find("one-too-many")).isEmpty();
        assertThat(tokens.find("token-0")).isPresent();

        clock.now = NOW.plusSeconds(60);
        tokens.remember("after-ten-expired", identity("clerk-620821"), NOW.plusSeconds(300));
        assertThat(tokens.find("after-ten-expired")).isPresent();
        assertThat(tokens.find("token-0")).isEmpty();
        assertThat(tokens.find("token-10")).isPresent();
    }

    private static SecurityIdentity identity(String name) {
        Principal principal = () -> name;
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRole("clerk").build();
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
