package org.liudong.registry.service;

import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.IdNumberCipher;
import org.liudong.platform.identity.Sex;
import org.liudong.platform.problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ID number checked against the record it comes with: its birth date (digits 7–14) and sex (digit 17). */
class IdNumbersTest {

    /** Born 1990-03-07; the 17th digit, 4, is even: a woman. */
    private static final String NUMBER = "620821199003071245";
    private static final LocalDate BORN = LocalDate.of(1990, 3, 7);

    private final IdNumbers idNumbers = new IdNumbers(new IdNumberCipher(key(1), key(2)));
    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void aNumberAgreeingWithTheRecordIsAccepted() {
        assertThat(idNumbers.check("idNumber", NUMBER, BORN, Sex.F, errors)).isPresent();
        assertThat(errors).isEmpty();
    }

    @Test
    void aBirthDateTheNumberContradictsIsRefusedWithBothDates() {
        assertThat(idNumbers.check("idNumber", NUMBER, BORN.plusDays(1), Sex.F, errors)).isEmpty();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("idNumber");
            assertThat(error.reason()).contains("1990-03-07", "1990-03-08");
        });
    }

    @Test
    void aSexTheNumberContradictsIsRefused() {
        assertThat(idNumbers.check("members[0].idNumber", NUMBER, BORN, Sex.M, errors)).isEmpty();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("members[0].idNumber");
            assertThat(error.reason()).contains("encodes sex F");
        });
    }

    @Test
    void bothContradictionsAreReportedTogether() {
        assertThat(idNumbers.check("idNumber", NUMBER, BORN.minusYears(1), Sex.M, errors)).isEmpty();
        assertThat(errors).hasSize(2);
    }

    @Test
    void aLegacyNumberIsAcceptedOnlyWhereAsked() {
        String legacy = "620821900307124";
        assertThat(idNumbers.check("idNumber", legacy, BORN, Sex.F, errors)).isEmpty();
        assertThat(errors).singleElement().satisfies(error ->
                assertThat(error.reason()).startsWith("is not a valid resident ID number"));

        errors.clear();
        assertThat(idNumbers.check("id_number", legacy, BORN, Sex.F, errors, true))
                .hasValueSatisfying(number -> assertThat(number.value()).hasSize(18).startsWith("62082119900307124"));
        assertThat(errors).isEmpty();
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
