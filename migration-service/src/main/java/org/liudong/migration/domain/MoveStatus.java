package org.liudong.migration.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a move stands, and which step may follow which:
 * <pre>
 * ANNOUNCED  → SETTLED (arrival matched) | REJECTED (destination) | REVOKED (origin) | LAPSED (no arrival in time)
 * UNVERIFIED → SETTLED (origin confirmed) | DISPUTED (origin denied)
 * DISPUTED   → SETTLED (a later confirmation)
 * SETTLED    → RETURNED (back at the origin) | MOVED_ON (settled in a third county)
 * </pre>
 */
public enum MoveStatus {
    ANNOUNCED, UNVERIFIED, DISPUTED, SETTLED, REJECTED, REVOKED, LAPSED, RETURNED, MOVED_ON;

    private static final Map<MoveStatus, Set<MoveStatus>> NEXT = Map.of(
            ANNOUNCED, EnumSet.of(SETTLED, REJECTED, REVOKED, LAPSED),
            UNVERIFIED, EnumSet.of(SETTLED, DISPUTED),
            DISPUTED, EnumSet.of(SETTLED),
            SETTLED, EnumSet.of(RETURNED, MOVED_ON));

    /** Moves still waiting for the other county: a person has at most one of these at a time. */
    public static final Set<MoveStatus> OPEN = EnumSet.of(ANNOUNCED, UNVERIFIED, DISPUTED);

    public boolean canBecome(MoveStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** @throws IllegalMoveTransition when the step is not allowed from here */
    public MoveStatus to(MoveStatus next) {
        if (!canBecome(next)) {
            throw new IllegalMoveTransition(this, next);
        }
        return next;
    }

    public boolean isFinal() {
        return !NEXT.containsKey(this);
    }

    /** While the move links the two counties, the destination may read the person's basic data. */
    public boolean linksCounties() {
        return this == ANNOUNCED || this == UNVERIFIED || this == DISPUTED || this == SETTLED;
    }

    public static class IllegalMoveTransition extends RuntimeException {

        public IllegalMoveTransition(MoveStatus from, MoveStatus to) {
            super("a move that is " + from + " cannot become " + to);
        }
    }
}
