package org.liudong.assessment.domain;

import java.util.UUID;

/**
 * Something in a county's records a clerk should look at: which person, what kind of problem, and the particulars
 * (the missing fields, the other county, the moves). The indicators count these; a finding names the record.
 */
public record Finding(Kind kind, UUID personId, String detail) {

    public enum Kind {
        /** A current resident whose record lacks a household, a relation to the head, a sex or an ID number. */
        INCOMPLETE_RECORD,
        /** A current resident born before 1900, in the future, or with no birth year. */
        IMPLAUSIBLE_BIRTH_YEAR,
        /** The same ID number ({@code idIndex}) is currently registered in another county too. */
        REGISTERED_IN_ANOTHER_COUNTY,
        /** Two or more moves of one person are under way at once, one of them to or from the county. */
        TWO_MOVES_UNDER_WAY
    }
}
