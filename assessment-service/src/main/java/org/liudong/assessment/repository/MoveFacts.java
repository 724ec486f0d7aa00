package org.liudong.assessment.repository;

import java.time.LocalDate;

/**
 * The columns of a move the indicators read. Indicator queries select these instead of {@code MoveRecord}
 * entities: a county month can hold tens of thousands of moves, and managing each as an entity made one indicator
 * read take a second ({@link MoveRepository#touchingWithin}).
 */
public record MoveFacts(String originCounty, String destinationCounty, boolean announced, LocalDate departedOn,
                        LocalDate departureRegisteredOn, LocalDate arrivedOn, LocalDate settledOn, LocalDate startedOn,
                        String reason, String sex, Integer birthYear, String status) {

    /** Announced, leaving {@code county}, departed within [start, end). */
    public boolean departedFrom(String county, LocalDate start, LocalDate end) {
        return county.equals(originCounty) && announcedWithin(start, end);
    }

    /** Arrived in {@code county} within [start, end). */
    public boolean arrivedIn(String county, LocalDate start, LocalDate end) {
        return county.equals(destinationCounty) && within(arrivedOn, start, end);
    }

    /** Announced and departed within [start, end), from or to the county the move was selected for. */
    public boolean announcedWithin(LocalDate start, LocalDate end) {
        return announced && within(departedOn, start, end);
    }

    /** Begun within [start, end). */
    public boolean startedWithin(LocalDate start, LocalDate end) {
        return within(startedOn, start, end);
    }

    private static boolean within(LocalDate day, LocalDate start, LocalDate end) {
        return day != null && !day.isBefore(start) && day.isBefore(end);
    }
}
