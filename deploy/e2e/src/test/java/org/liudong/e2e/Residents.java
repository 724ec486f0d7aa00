package org.liudong.e2e;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Made-up residents with valid GB 11643 ID numbers (birth date and sex encoded, ISO 7064 MOD 11-2 check character),
 * new on every run, so the tests never collide with earlier runs or the demo data in the same databases.
 */
public final class Residents {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public record Resident(String idNumber, String name, String sex, LocalDate birthDate, String relation) {

        public String json() {
            return """
                    {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","relation":"%s"}\
                    """.formatted(idNumber, name, sex, birthDate, relation);
        }
    }

    private Residents() {
    }

    public static Resident resident(String county, String name, String sex, String relation) {
        return bornOn(county, LocalDate.of(1950, 1, 1).plusDays(RANDOM.nextInt(20_000)), name, sex, relation);
    }

    /** A resident born on the given day (a birth registration wants today). */
    public static Resident bornOn(String county, LocalDate birthDate, String name, String sex, String relation) {
        int sequence = RANDOM.nextInt(500) * 2 + ("M".equals(sex) ? 1 : 0);
        String body = county + birthDate.toString().replace("-", "") + String.format(Locale.ROOT, "%03d", sequence);
        return new Resident(body + checkCharacter(body), name, sex, birthDate, relation);
    }

    /** A household number no earlier run used. */
    public static String householdNumber() {
        return "E2E-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT) + "-"
                + Integer.toString(RANDOM.nextInt(36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
    }

    public static String householdJson(String county, String township, String householdNumber, Resident... members) {
        StringBuilder list = new StringBuilder();
        for (Resident member : members) {
            list.append(list.isEmpty() ? "" : ",").append(member.json());
        }
        return """
                {"county":"%s","householdNumber":"%s","address":{"township":"%s","detail":"端到端测试路1号"},"members":[%s]}\
                """.formatted(county, householdNumber, township, list);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
