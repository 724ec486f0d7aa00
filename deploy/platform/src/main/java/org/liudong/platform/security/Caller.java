package org.liudong.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.liudong.platform.problem.ProblemException;

import java.util.Optional;

/**
 * Who is calling, from the verified access token: realm roles and the {@code jurisdiction} claim, a GB/T 2260
 * code prefix ("620821" a county, "6208" a prefecture, "62" a province). Admins have no jurisdiction and
 * reach everything. Object-level checks compare a record's counties with this, never with anything the
 * request body says about the caller.
 */
@RequestScoped
public class Caller {

    public static final String CLERK = "clerk";
    public static final String SUPERVISOR = "supervisor";
    public static final String ANALYST = "analyst";
    public static final String INTEGRATOR = "integrator";
    public static final String ADMIN = "admin";
    public static final String JURISDICTION_CLAIM = "jurisdiction";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> jurisdiction() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(JURISDICTION_CLAIM);
            if (claim != null && !claim.toString().isBlank()) {
                return Optional.of(claim.toString().replace("\"", "").strip());
            }
        }
        return Optional.empty();
    }

    /** True when the division code lies inside the caller's jurisdiction (or the caller is an admin). */
    public boolean covers(String divisionCode) {
        if (is(ADMIN)) {
            return true;
        }
        return divisionCode != null && jurisdiction().map(divisionCode::startsWith).orElse(false);
    }

    /** True for a clerk or integrator acting for exactly this county. */
    public boolean actsFor(String county) {
        return (is(CLERK) || is(INTEGRATOR)) && county != null && jurisdiction().map(county::equals).orElse(false);
    }

    public void requireCovers(String divisionCode) {
        if (!covers(divisionCode)) {
            throw ProblemException.forbidden("Division " + divisionCode + " is outside your jurisdiction");
        }
    }

    public void requireActsFor(String county) {
        if (!actsFor(county)) {
            throw ProblemException.forbidden("Only a clerk or integrator of county " + county + " may do this");
        }
    }
}
