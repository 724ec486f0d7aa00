package org.liudong.platform.versions;

import org.junit.jupiter.api.Test;
import org.liudong.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void currentVersionInAnyTagFormPasses() {
        assertThatCode(() -> Versions.check("\"3\"", 3, "person")).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("W/\"3\"", 3, "person")).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("\"1\", \"3\"", 3, "person")).doesNotThrowAnyException();
        assertThatCode(() -> Versions.check("*", 3, "person")).doesNotThrowAnyException();
    }

    @Test
    void staleVersionIsPreconditionFailed() {
        assertThatThrownBy(() -> Versions.check("\"2\"", 3, "person"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(412));
    }

    @Test
    void missingIfMatchIsOnlyRefusedWhereRequired() {
        assertThatCode(() -> Versions.check(null, 3, "household")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Versions.require(null, 3, "person"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(428));
    }
}
