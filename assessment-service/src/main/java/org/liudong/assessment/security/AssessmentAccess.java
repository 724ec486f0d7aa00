package org.liudong.assessment.security;

import jakarta.enterprise.context.RequestScoped;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;

/**
 * Who may see and steer what. Analysts and supervisors read aggregates within their jurisdiction, clerks and
 * integrators for their own county, admins everything; only supervisors (within their jurisdiction) and
 * admins set targets. Nothing here is personal data, but another jurisdiction's figures are still not yours.
 */
@RequestScoped
public class AssessmentAccess {

    private final Caller caller;

    public AssessmentAccess(Caller caller) {
        this.caller = caller;
    }

    public void requireReadCounty(String county) {
        if (!mayRead(county)) {
            throw ProblemException.forbidden("County " + county + " is outside your jurisdiction");
        }
    }

    /** A jurisdiction (code prefix) as a whole: its scorecard, its flows. */
    public void requireReadJurisdiction(String jurisdiction) {
        if (!mayRead(jurisdiction)) {
            throw ProblemException.forbidden("Jurisdiction " + jurisdiction + " is outside your jurisdiction");
        }
    }

    /**
     * A county's data-quality findings name persons (by their pseudonymous id), so they are for those who keep or
     * supervise the county's records; analysts see the counts in the indicators.
     */
    public void requireReadFindings(String county) {
        boolean allowed = caller.is(Caller.ADMIN) || (caller.is(Caller.SUPERVISOR) && caller.covers(county))
                || caller.actsFor(county);
        if (!allowed) {
            throw ProblemException.forbidden("Findings of county " + county + " are for its clerks and their"
                    + " supervisors");
        }
    }

    public void requireSetTarget(String jurisdiction) {
        boolean allowed = caller.is(Caller.ADMIN)
                || (caller.is(Caller.SUPERVISOR) && !jurisdiction.isEmpty() && caller.covers(jurisdiction));
        if (!allowed) {
            throw ProblemException.forbidden("Only admins, or supervisors within their jurisdiction, set targets");
        }
    }

    /** The code prefix whose aggregates the caller may follow live ("" for everything). */
    public String streamScope() {
        if (caller.is(Caller.ADMIN)) {
            return "";
        }
        if (caller.is(Caller.ANALYST) || caller.is(Caller.SUPERVISOR) || caller.is(Caller.CLERK)
                || caller.is(Caller.INTEGRATOR)) {
            return caller.jurisdiction()
                    .orElseThrow(() -> ProblemException.forbidden("Your token names no jurisdiction"));
        }
        throw ProblemException.forbidden("Your role does not allow this");
    }

    /** The caller's own jurisdiction, the default scope of a target ("" for an admin without one). */
    public String ownJurisdiction() {
        return caller.jurisdiction().orElse("");
    }

    public String name() {
        return caller.name();
    }

    private boolean mayRead(String code) {
        if (caller.is(Caller.ADMIN)) {
            return true;
        }
        if ((caller.is(Caller.ANALYST) || caller.is(Caller.SUPERVISOR)) && caller.covers(code)) {
            return true;
        }
        return caller.actsFor(code);
    }
}
