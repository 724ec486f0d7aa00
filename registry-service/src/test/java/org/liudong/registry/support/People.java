package org.liudong.registry.support;

import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.identity.Sex;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies with fresh, valid resident ID numbers (random birth date and sequence). */
public final class People {

    public static final String COUNTY = "620821";
    public static final String TOWNSHIP = "620821100";
    public static final String OTHER_COUNTY = "440305";
    public static final String OTHER_TOWNSHIP = "440305001";

    private People() {
    }

    public static LocalDate randomBirthDate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
    }

    /** A valid 18-character number issued in {@code county} for this birth date and sex. */
    public static String idNumber(String county, LocalDate birthDate, Sex sex) {
        int sequence = ThreadLocalRandom.current().nextInt(500) * 2 + (sex == Sex.M ? 1 : 0);
        String first17 = county + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
        return ResidentIdNumber.complete(first17).value();
    }

    public static Map<String, Object> person(String relation) {
        Sex sex = ThreadLocalRandom.current().nextBoolean() ? Sex.M : Sex.F;
        return person(relation, sex, randomBirthDate());
    }

    public static Map<String, Object> person(String relation, Sex sex, LocalDate birthDate) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("idNumber", idNumber(COUNTY, birthDate, sex));
        person.put("name", sex == Sex.M ? "王建国" : "李娜");
        person.put("sex", sex.name());
        person.put("birthDate", birthDate.toString());
        person.put("phone", "138 0000 0000");
        person.put("relation", relation);
        return person;
    }

    @SafeVarargs
    public static Map<String, Object> household(String county, String township, Map<String, Object>... members) {
        Map<String, Object> household = new LinkedHashMap<>();
        household.put("county", county);
        household.put("address", Map.of("township", township, "detail", "东大街 12 号"));
        household.put("members", java.util.List.of(members));
        return household;
    }

    public static Map<String, Object> household(Map<String, Object>... members) {
        return household(COUNTY, TOWNSHIP, members);
    }
}
