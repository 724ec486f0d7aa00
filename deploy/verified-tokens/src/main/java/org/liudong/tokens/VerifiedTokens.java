package org.liudong.tokens;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The bearer tokens quarkus-oidc has verified, each with the identity it made of it, until the token expires.
 * <p>
 * A client sends the same access token with every request of its lifetime, and verifying its RSA signature again
 * each time took half the CPU of a lookup by ID number, in the gateway and again in registry-service. Only a
 * byte-identical token finds its entry, so a token altered in any way is verified afresh, and one that failed
 * verification never gets here. What this gives up: a token signed with a key the provider has since withdrawn
 * stays accepted until it expires, as it would by a service that had verified it before the withdrawal.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** More tokens than this at once (each at most a few kilobytes with its identity) are verified every time. */
    static final int CAPACITY = 10_000;

    /**
     * @param identity          as quarkus-oidc made it, without the HTTP request it was verified in
     * @param requestAttributes the attributes that held that request, to be given the request at hand
     */
    private record Entry(SecurityIdentity identity, Set<String> requestAttributes, Instant expiresAt) {

        boolean liveAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong reuses = new AtomicLong();
    private final Clock clock;

    public VerifiedTokens() {
        this(Clock.systemUTC());
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * The identity made of this token when it was verified, for {@code request}, while the token has not expired.
     */
    public Optional<SecurityIdentity> find(String token, RoutingContext request) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.liveAt(clock.instant())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        reuses.incrementAndGet();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(entry.identity());
        entry.requestAttributes().forEach(name -> identity.addAttribute(name, request));
        return Optional.of(identity.build());
    }

    /** Whether this token's verification is remembered and the token has not expired; counts as no reuse. */
    public boolean holds(String token) {
        Entry entry = entries.get(token);
        return entry != null && entry.liveAt(clock.instant());
    }

    /** Keeps a verified token's identity until {@code expiresAt}, unless the token is already known or expired. */
    public void remember(String token, SecurityIdentity identity, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt) || entries.containsKey(token)) {
            return;
        }
        if (entries.size() >= CAPACITY) {
            entries.values().removeIf(entry -> !entry.liveAt(now));
            if (entries.size() >= CAPACITY) {
                return;
            }
        }
        entries.putIfAbsent(token, detached(identity, expiresAt));
    }

    /** The entry of an identity, which keeps no reference to the request it was verified in. */
    private static Entry detached(SecurityIdentity identity, Instant expiresAt) {
        Set<String> requestAttributes = identity.getAttributes().entrySet().stream()
                .filter(attribute -> attribute.getValue() instanceof RoutingContext)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
        QuarkusSecurityIdentity.Builder detached = QuarkusSecurityIdentity.builder(identity);
        requestAttributes.forEach(name -> detached.addAttribute(name, null));
        return new Entry(detached.build(), requestAttributes, expiresAt);
    }

    /** How many requests were authenticated from a remembered verification. */
    public long reuses() {
        return reuses.get();
    }
}
