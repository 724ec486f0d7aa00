package org.liudong.migration.support;

import org.liudong.platform.identity.IdNumberCipher;
import org.liudong.platform.identity.ResidentIdNumber;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/** Test persons with valid, random ID numbers (and so fresh pseudonyms on every run). */
public final class People {

    private static final Random RANDOM = new Random();

    private People() {
    }

    public record TestPerson(UUID id, String county, ResidentIdNumber idNumber, String idIndex, String name,
                             UUID householdId) {

        public String sex() {
            return idNumber.sex().name();
        }

        public LocalDate birthDate() {
            return idNumber.birthDate();
        }

        public int birthYear() {
            return birthDate().getYear();
        }
    }

    /** A person registered in {@code county}, born between 1950 and 2005. */
    public static TestPerson in(String county, IdNumberCipher cipher) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(RANDOM.nextInt(55 * 365));
        String sequence = String.format("%03d", RANDOM.nextInt(1000));
        ResidentIdNumber idNumber = ResidentIdNumber.complete(county + birth.toString().replace("-", "") + sequence);
        String name = NAMES[RANDOM.nextInt(NAMES.length)];
        return new TestPerson(UUID.randomUUID(), county, idNumber, cipher.index(idNumber.value()), name,
                UUID.randomUUID());
    }

    private static final String[] NAMES = {"李娜", "王伟", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "马丽"};
}
