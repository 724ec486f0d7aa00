package org.liudong.registry.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;

/**
 * Who may see and change which part of the register: clerks and integrators read and write their own county;
 * supervisors read the counties of their jurisdiction; analysts and admins never see personal data.
 */
@ApplicationScoped
public class RegisterAccess {

    private final Caller caller;

    public RegisterAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean mayRead(String county) {
        return caller.actsFor(county) || (caller.is(Caller.SUPERVISOR) && caller.covers(county));
    }

    public boolean mayWrite(String county) {
        return caller.actsFor(county);
    }

    public void requireRead(String county) {
        if (!mayRead(county)) {
            throw ProblemException.forbidden("The register of county " + county + " is outside your jurisdiction");
        }
    }

    public void requireWrite(String county) {
        caller.requireActsFor(county);
    }

    /** Counties a caller may search without naming one: a clerk's or integrator's own county. */
    public java.util.Optional<String> ownCounty() {
        return caller.is(Caller.CLERK) || caller.is(Caller.INTEGRATOR) ? caller.jurisdiction() : java.util.Optional.empty();
    }

    public Caller caller() {
        return caller;
    }
}
