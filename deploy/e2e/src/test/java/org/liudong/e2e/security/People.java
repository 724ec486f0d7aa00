package org.liudong.e2e.security;

import java.lang.reflect.Method;

/**
 * Made-up residents with valid ID numbers, from the end-to-end module's own {@code Residents} helper (package
 * {@code org.liudong.e2e}, not public), reached by reflection so that nothing of it is copied here.
 */
final class People {

    /** A resident: the request JSON of a household member and the fields tests need. */
    record Person(String idNumber, String name, String sex, String birthDate, String json) {
    }

    private static final Class<?> RESIDENTS = type("org.liudong.e2e.Residents");
    private static final Class<?> RESIDENT = type("org.liudong.e2e.Residents$Resident");
    private static final java.security.SecureRandom SEQUENCE = new java.security.SecureRandom();

    private People() {
    }

    static Person resident(String county, String name, String sex, String relation) {
        Object resident = call(RESIDENTS, null, "resident", new Class<?>[] {String.class, String.class, String.class,
                String.class}, county, name, sex, relation);
        return new Person((String) call(RESIDENT, resident, "idNumber", new Class<?>[0]),
                name, sex, call(RESIDENT, resident, "birthDate", new Class<?>[0]).toString(),
                (String) call(RESIDENT, resident, "json", new Class<?>[0]));
    }

    /** A resident born on the given day (a birth registration wants today), with a valid ID number for it. */
    static Person bornOn(String county, java.time.LocalDate day, String name, String sex, String relation) {
        int sequence = SEQUENCE.nextInt(500) * 2 + ("M".equals(sex) ? 1 : 0);
        String body = county + day.toString().replace("-", "") + String.format(java.util.Locale.ROOT, "%03d", sequence);
        String idNumber = body + call(RESIDENTS, null, "checkCharacter", new Class<?>[] {String.class}, body);
        String json = """
                {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","relation":"%s"}\
                """.formatted(idNumber, name, sex, day, relation);
        return new Person(idNumber, name, sex, day.toString(), json);
    }

    static String householdNumber() {
        return (String) call(RESIDENTS, null, "householdNumber", new Class<?>[0]);
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

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Class<?> type, Object target, String name, Class<?>[] parameters, Object... args) {
        try {
            Method method = type.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("org.liudong.e2e.Residents." + name + " changed", e);
        }
    }
}
