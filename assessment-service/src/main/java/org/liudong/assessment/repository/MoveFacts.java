package org.liudong.assessment.repository;

import java.time.LocalDate;

/**
 * The columns of a move the indicators read. Indicator queries select these instead of {@code MoveRecord}
 * entities: a county month can hold tens of thousands of moves, and managing each as an entity made one indicator
 * read take a second.
 */
public record MoveFacts(LocalDate departedOn, LocalDate departureRegisteredOn, LocalDate settledOn, String reason,
                        String sex, Integer birthYear, String status) {

    static final String SELECT = "select new " + MoveFacts.class.getName()
            + "(m.departedOn, m.departureRegisteredOn, m.settledOn, m.reason, m.sex, m.birthYear, m.status)"
            + " from MoveRecord m where ";
}
