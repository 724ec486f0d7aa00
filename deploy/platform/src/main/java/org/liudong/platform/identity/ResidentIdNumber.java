package org.liudong.platform.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity number (居民身份证号码, GB 11643-1999): six digits of the issuing division, the birth date
 * (yyyyMMdd), a three-digit sequence whose last digit is odd for men and even for women, and an ISO 7064
 * MOD 11-2 check character (0–9 or X for 10). Legacy 15-digit numbers (yyMMdd birth date, born 19xx, no check
 * character) are converted with {@link #fromLegacy(String)}.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a number is not valid, or empty when it is. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(candidate.charAt(i))) {
                return Optional.of("the first 17 characters must be digits");
            }
        }
        char last = candidate.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of("the check character must be a digit or X");
        }
        if (birthDateOf(candidate).isEmpty()) {
            return Optional.of("characters 7 to 14 are not a valid birth date");
        }
        if (checkCharacter(candidate) != last) {
            return Optional.of("the check character does not match");
        }
        return Optional.empty();
    }

    /** Parses an 18-character number (a lower-case x is accepted as X); throws when it is not valid. */
    public static ResidentIdNumber parse(String candidate) {
        String normalised = candidate == null ? null : candidate.strip().toUpperCase();
        problemWith(normalised).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return new ResidentIdNumber(normalised);
    }

    /** Converts a legacy 15-digit number: inserts the century "19" and appends the check character. */
    public static ResidentIdNumber fromLegacy(String legacy) {
        if (legacy == null || legacy.length() != 15 || !legacy.chars().allMatch(ResidentIdNumber::isAsciiDigit)) {
            throw new IllegalArgumentException("a legacy number has 15 digits");
        }
        String body = legacy.substring(0, 6) + "19" + legacy.substring(6);
        return parse(body + checkCharacter(body));
    }

    /** Accepts both forms, as bulk imports of old registers must. */
    public static ResidentIdNumber parseAnyForm(String candidate) {
        String stripped = candidate == null ? null : candidate.strip();
        return stripped != null && stripped.length() == 15 ? fromLegacy(stripped) : parse(stripped);
    }

    /** Completes 17 digits with their check character: how test data and demo data get valid numbers. */
    public static ResidentIdNumber complete(String first17Digits) {
        return parse(first17Digits + checkCharacter(first17Digits));
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
    }

    public String divisionCode() {
        return value.substring(0, 6);
    }

    /** For lists: the division and the last four characters stay readable, e.g. 620821********1245. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static Optional<LocalDate> birthDateOf(String number) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            return date.getYear() < 1850 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
