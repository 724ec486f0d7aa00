package org.liudong.platform.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdNumberTest {

    @Test
    void acceptsTheDesignExampleAndReadsBirthDateAndSex() {
        ResidentIdNumber number = ResidentIdNumber.parse("620821199003071245");

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(number.sex()).isEqualTo(Sex.F);
        assertThat(number.divisionCode()).isEqualTo("620821");
        assertThat(number.masked()).isEqualTo("620821********1245");
    }

    @Test
    void acceptsTheStandardsOwnExampleWithCheckCharacterX() {
        assertThat(ResidentIdNumber.problemWith("11010519491231002X")).isEmpty();
        assertThat(ResidentIdNumber.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"620821199003071244", "62082119900307124", "6208211990030712455", "62082119900230124X",
            "A20821199003071245", "620821199013071245", ""})
    void refusesNumbersWithWrongCheckLengthOrDate(String candidate) {
        assertThat(ResidentIdNumber.problemWith(candidate)).isPresent();
        assertThatThrownBy(() -> ResidentIdNumber.parse(candidate)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsALegacyFifteenDigitNumber() {
        ResidentIdNumber converted = ResidentIdNumber.fromLegacy("110105491231002");

        assertThat(converted.value()).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.parseAnyForm(" 110105491231002 ")).isEqualTo(converted);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 20).mapToObj(i -> 20261128L + i);
    }

    /** Property: any single-digit change to a valid number is caught by the check character. */
    @ParameterizedTest
    @MethodSource("seeds")
    void everySingleDigitChangeIsDetected(long seed) {
        Random random = new Random(seed);
        String valid = randomValidNumber(random).value();
        int position = random.nextInt(17);
        char original = valid.charAt(position);
        char replacement = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
        String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);

        assertThat(ResidentIdNumber.problemWith(changed)).as("%s → %s", valid, changed).isPresent();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void completedNumbersAlwaysValidate(long seed) {
        ResidentIdNumber number = randomValidNumber(new Random(seed));

        assertThat(ResidentIdNumber.problemWith(number.value())).isEmpty();
    }

    static ResidentIdNumber randomValidNumber(Random random) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
        String body = "620821" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        return ResidentIdNumber.complete(body);
    }
}
