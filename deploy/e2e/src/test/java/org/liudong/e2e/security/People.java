package org.liudong.e2e.security;

import org.liudong.e2e.Residents;

/** Made-up residents with valid ID numbers, as the tests of this package need them. */
final class People {

    /** A resident: the request JSON of a household member and the fields tests need. */
    record Person(String idNumber, String name, String sex, String birthDate, String json) {

        static Person of(Residents.Resident resident) {
            return new Person(resident.idNumber(), resident.name(), resident.sex(), resident.birthDate().toString(),
                    resident.json());
        }
    }

    private People() {
    }

    static Person resident(String county, String name, String sex, String relation) {
        return Person.of(Residents.resident(county, name, sex, relation));
    }

    /** A resident born on the given day (a birth registration wants today), with a valid ID number for it. */
    static Person bornOn(String county, java.time.LocalDate day, String name, String sex, String relation) {
        return Person.of(Residents.bornOn(county, day, name, sex, relation));
    }

    static String householdNumber() {
        return Residents.householdNumber();
    }

    static String householdJson(String county, String householdNumber, Person... members) {
        StringBuilder list = new StringBuilder();
        for (Person member : members) {
            list.append(list.isEmpty() ? "" : ",").append(member.json());
        }
        return """
                {"county":"%s","householdNumber":"%s","address":{"township":"%s","detail":"安全测试路1号"},"members":[%s]}\
                """.formatted(county, householdNumber, township(county), list);
    }

    /** A township of the county that the division data holds. */
    static String township(String county) {
        return switch (county) {
            case "440305" -> "440305006";
            case "610113" -> "610113002";
            default -> county + "100";
        };
    }
}
