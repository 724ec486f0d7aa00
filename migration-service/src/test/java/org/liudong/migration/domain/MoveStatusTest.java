package org.liudong.migration.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liudong.migration.domain.MoveStatus.*;

class MoveStatusTest {

    @ParameterizedTest
    @CsvSource({
            "ANNOUNCED, SETTLED", "ANNOUNCED, REJECTED", "ANNOUNCED, REVOKED", "ANNOUNCED, LAPSED",
            "UNVERIFIED, SETTLED", "UNVERIFIED, DISPUTED", "DISPUTED, SETTLED",
            "SETTLED, RETURNED", "SETTLED, MOVED_ON"})
    void allowsTheStepsOfTheWorkflow(MoveStatus from, MoveStatus to) {
        assertThat(from.canBecome(to)).isTrue();
        assertThat(from.to(to)).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({
            "ANNOUNCED, RETURNED", "ANNOUNCED, DISPUTED", "UNVERIFIED, REJECTED", "UNVERIFIED, LAPSED",
            "SETTLED, ANNOUNCED", "SETTLED, REVOKED", "SETTLED, REJECTED", "DISPUTED, RETURNED",
            "RETURNED, SETTLED", "REJECTED, SETTLED", "REVOKED, ANNOUNCED", "LAPSED, SETTLED"})
    void refusesEveryOtherStep(MoveStatus from, MoveStatus to) {
        assertThat(from.canBecome(to)).isFalse();
        assertThatThrownBy(() -> from.to(to)).isInstanceOf(MoveStatus.IllegalMoveTransition.class)
                .hasMessageContaining(from + " cannot become " + to);
    }

    @ParameterizedTest
    @EnumSource(value = MoveStatus.class, names = {"REJECTED", "REVOKED", "LAPSED", "RETURNED", "MOVED_ON"})
    void closedMovesGoNowhere(MoveStatus closed) {
        assertThat(closed.isFinal()).isTrue();
        for (MoveStatus next : MoveStatus.values()) {
            assertThat(closed.canBecome(next)).as(closed + " → " + next).isFalse();
        }
    }

    @Test
    void noStatusLeadsBackToItself() {
        for (MoveStatus status : MoveStatus.values()) {
            assertThat(status.canBecome(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void theDestinationSeesPersonalDataOnlyWhileTheMoveLinksTheCounties() {
        Set<MoveStatus> linking = EnumSet.noneOf(MoveStatus.class);
        for (MoveStatus status : MoveStatus.values()) {
            if (status.linksCounties()) {
                linking.add(status);
            }
        }
        assertThat(linking).containsExactlyInAnyOrder(ANNOUNCED, UNVERIFIED, DISPUTED, SETTLED);
    }

    @Test
    void openMovesAreThoseStillWaitingForTheOtherCounty() {
        assertThat(MoveStatus.OPEN).containsExactlyInAnyOrder(ANNOUNCED, UNVERIFIED, DISPUTED);
        assertThat(MoveStatus.OPEN).noneMatch(MoveStatus::isFinal);
    }
}
