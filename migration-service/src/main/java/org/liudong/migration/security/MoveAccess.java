package org.liudong.migration.security;

import jakarta.enterprise.context.RequestScoped;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.Verification;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;

import java.util.function.BooleanSupplier;

/**
 * Object-level rules of this service. A county sees a move only while it is the move's origin or destination;
 * a supervisor sees moves touching its jurisdiction; to anyone else a move does not exist (404). A party that
 * may see but not do something gets 403.
 */
@RequestScoped
public class MoveAccess {

    private final Caller caller;

    public MoveAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean canRead(Move move) {
        return caller.actsFor(move.originCounty) || caller.actsFor(move.destinationCounty)
                || supervises(move.originCounty) || supervises(move.destinationCounty);
    }

    /**
     * Either party while the move links the two counties; afterwards only the county whose register holds the person
     * (the origin of a first move, which knows its resident anyway). The origin of an onward move, where the person
     * only lived for a while, loses the data like a destination does.
     *
     * @param registeredInOrigin whether the person is on the origin county's register; asked only when it decides
     */
    public boolean seesPersonData(Move move, BooleanSupplier registeredInOrigin) {
        if (supervises(move.originCounty) || supervises(move.destinationCounty)) {
            return true;
        }
        boolean party = caller.actsFor(move.originCounty) || caller.actsFor(move.destinationCounty);
        return party && move.status.linksCounties()
                || caller.actsFor(move.originCounty) && registeredInOrigin.getAsBoolean();
    }

    /** The audit trail of a move: supervisors of either county, and admins, who keep the platform's trails. */
    public boolean canAudit(Move move) {
        return caller.is(Caller.ADMIN) || supervises(move.originCounty) || supervises(move.destinationCounty);
    }

    public Move readable(Move move) {
        if (move == null || !canRead(move)) {
            throw ProblemException.notFound("The move");
        }
        return move;
    }

    public Move asOrigin(Move move) {
        readable(move);
        caller.requireActsFor(move.originCounty);
        return move;
    }

    public Move asDestination(Move move) {
        readable(move);
        caller.requireActsFor(move.destinationCounty);
        return move;
    }

    public boolean canRead(Verification verification) {
        return caller.actsFor(verification.fromCounty) || caller.actsFor(verification.toCounty)
                || supervises(verification.fromCounty) || supervises(verification.toCounty);
    }

    public Verification readable(Verification verification) {
        if (verification == null || !canRead(verification)) {
            throw ProblemException.notFound("The verification request");
        }
        return verification;
    }

    /** Inboxes: the county's own clerks and integrators, and supervisors above it. */
    public void requireInbox(String county) {
        if (!caller.actsFor(county) && !supervises(county)) {
            throw ProblemException.forbidden("The inbox of county " + county + " is not yours");
        }
    }

    public void requireActsFor(String county) {
        caller.requireActsFor(county);
    }

    /** The county a clerk or integrator acts for: its jurisdiction, which is a county code. */
    public String actingCounty() {
        return caller.jurisdiction()
                .filter(caller::actsFor)
                .orElseThrow(() -> ProblemException.forbidden("Only a county's clerk or integrator may do this"));
    }

    public String actor() {
        return caller.name();
    }

    public String jurisdiction() {
        return caller.jurisdiction().orElse(null);
    }

    private boolean supervises(String county) {
        // not admins: they keep reference data and targets, and read no personal data (DESIGN, as the registry)
        return caller.is(Caller.SUPERVISOR) && caller.covers(county);
    }
}
