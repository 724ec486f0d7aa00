package org.liudong.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liudong.e2e.Platform;
import org.liudong.e2e.security.People.Person;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Malformed and hostile input to every write operation, through the gateway, as a caller allowed to write: each
 * answer is a 4xx problem+json without internals, and the databases hold exactly what they held before. Cases come
 * from a seeded generator (seed = endpoint and case number), so a failure names a case that can be replayed.
 */
@ExtendWith(Platform.class)
class HostileInputIT {

    private static final int CASES_PER_ENDPOINT = 30;
    private static final String FUZZ_COUNTY = CountyRecords.THIRD_COUNTY;
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "java.", "jakarta.", "org.liudong",
            "org.hibernate", "io.quarkus", "io.vertx", "com.fasterxml", "PSQL", "SQLState", "org.postgresql");

    /** A write operation: who may call it, a valid body, and which of its fields hold what. */
    record Endpoint(String name, String method, Supplier<String> path, String caller, Supplier<Map<String, Object>> body,
                    Map<String, Kind> fields) {

        /** A field every valid body has, so that a body missing fields is surely invalid. */
        private static final Map<String, String> REQUIRED = Map.ofEntries(Map.entry("register household", "county"),
                Map.entry("register person", "householdId"), Map.entry("add member", "relation"),
                Map.entry("register birth", "idNumber"), Map.entry("change head", "personId"),
                Map.entry("split household", "members"), Map.entry("correct address", "address"),
                Map.entry("correct person", "phone"), Map.entry("register death", "diedOn"),
                Map.entry("cancel registration", "cancelledOn"),
                Map.entry("retire division", "reason"), Map.entry("announce departure", "originCounty"),
                Map.entry("register arrival", "idNumber"), Map.entry("reject move", "reason"),
                Map.entry("request verification", "toCounty"), Map.entry("answer verification", "outcome"),
                Map.entry("set target", "value"));

        String required() {
            return REQUIRED.get(name);
        }

        /** Creates something new rather than changing a record with a version. */
        boolean creates() {
            return !name.matches("add member|change head|split household|correct .*|register death"
                    + "|cancel registration|reject move"
                    + "|answer verification");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    enum Kind { COUNTY, ID_NUMBER, DATE, ENUM, UUID, TEXT, NUMBER, CODE }

    static Stream<Arguments> cases() {
        return endpoints().stream().flatMap(endpoint -> IntStream.range(0, CASES_PER_ENDPOINT)
                .mapToObj(i -> Arguments.of(endpoint, i)));
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("cases")
    void hostileInputIsRefusedWithA4xxProblemAndChangesNothing(Endpoint endpoint, int caseNumber) {
        Map<String, String> before = state();
        Random random = new Random(endpoint.name().hashCode() * 31L + caseNumber);
        Hostile hostile = Hostile.of(endpoint, random);

        RequestSpecification request = Callers.as(endpoint.caller()).contentType(hostile.contentType());
        request = hostile.bytes() != null ? request.body(hostile.bytes()) : request;
        if (!endpoint.creates()) {
            // a body that happens to be valid meets a stale version (412) and changes nothing either
            request.header("If-Match", AuthorizationMatrixIT.STALE);
        }
        Response response = request.request(endpoint.method(), hostile.path());

        String body = response.asString();
        assertThat(response.statusCode()).as("%s: %s → %s", endpoint, hostile.description(), body).isBetween(400, 499);
        assertThat(response.contentType()).as("%s: %s", endpoint, hostile.description()).startsWith(Callers.PROBLEM_JSON);
        assertThat(body).as("%s: %s", endpoint, hostile.description()).doesNotContain(INTERNALS);
        assertThat(state()).as("%s: %s changed the database", endpoint, hostile.description()).isEqualTo(before);
    }

    /** The rows any case could touch: the fuzz county's records, the 620821 records updated, targets, divisions. */
    private static Map<String, String> state() {
        CountyRecords own = CountyRecords.of("620821");
        CountyRecords.of(FUZZ_COUNTY);
        Map<String, String> state = new LinkedHashMap<>();
        state.putAll(Databases.fingerprint("registry", Map.of(
                "household", "select x from household x where county = '" + FUZZ_COUNTY + "' or id = '" + own.household() + "'",
                "person", "select x from person x where registry_county = '" + FUZZ_COUNTY + "' or household_id = '"
                        + own.household() + "'",
                "division_validity", "select x from division_validity x")));
        state.putAll(Databases.fingerprint("migration", Map.of(
                "move", "select x from move x where '" + FUZZ_COUNTY + "' in (origin_county, destination_county)",
                "verification", "select x from verification x where '" + FUZZ_COUNTY + "' in (from_county, to_county)",
                "inbox_item", "select x from inbox_item x where county = '" + FUZZ_COUNTY + "' or id = '" + own.inboxItem() + "'")));
        state.putAll(Databases.fingerprint("assessment", Map.of("target", "select x from public.target x")));
        return state;
    }

    private static List<Endpoint> endpoints() {
        String clerk = "clerk-" + FUZZ_COUNTY;
        String ownClerk = "clerk-620821";
        Supplier<CountyRecords> own = () -> CountyRecords.of("620821");
        Supplier<CountyRecords> fuzz = () -> CountyRecords.of(FUZZ_COUNTY);
        Map<String, Kind> person = Map.of("idNumber", Kind.ID_NUMBER, "name", Kind.TEXT, "sex", Kind.ENUM,
                "birthDate", Kind.DATE, "relation", Kind.ENUM, "phone", Kind.TEXT);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("register household", "POST", () -> "/api/registry/households", clerk,
                () -> Map.of("county", FUZZ_COUNTY, "householdNumber", People.householdNumber(),
                        "address", Map.of("township", People.township(FUZZ_COUNTY), "detail", "模糊测试路"),
                        "members", List.of(personBody(FUZZ_COUNTY, "HEAD"))),
                Map.of("county", Kind.COUNTY, "householdNumber", Kind.CODE, "address", Kind.TEXT, "members", Kind.TEXT)));
        endpoints.add(new Endpoint("register person", "POST", () -> "/api/registry/persons", clerk,
                () -> with(personBody(FUZZ_COUNTY, "CHILD"), "householdId", fuzz.get().household()),
                with(person, "householdId", Kind.UUID)));
        endpoints.add(new Endpoint("add member", "POST", () -> "/api/registry/households/" + own.get().household()
                + "/members", ownClerk, () -> personBody("620821", "CHILD"), with(person, "personId", Kind.UUID)));
        endpoints.add(new Endpoint("register birth", "POST", () -> "/api/registry/households/" + own.get().household()
                + "/births", ownClerk, () -> personBody("620821", "CHILD"), person));
        endpoints.add(new Endpoint("change head", "POST", () -> "/api/registry/households/" + own.get().household()
                + "/head", ownClerk, () -> Map.of("personId", own.get().person(), "formerHeadRelation", "SPOUSE"),
                Map.of("personId", Kind.UUID, "formerHeadRelation", Kind.ENUM)));
        endpoints.add(new Endpoint("split household", "POST", () -> "/api/registry/households/" + own.get().household()
                + "/split", ownClerk, () -> Map.of("members", List.of(Map.of("personId", own.get().person(),
                "relation", "HEAD")), "householdNumber", People.householdNumber()),
                Map.of("members", Kind.UUID, "householdNumber", Kind.CODE)));
        endpoints.add(new Endpoint("correct address", "PATCH", () -> "/api/registry/households/" + own.get().household(),
                ownClerk, () -> Map.of("address", Map.of("township", "620821100", "detail", "模糊测试")),
                Map.of("address", Kind.CODE)));
        endpoints.add(new Endpoint("correct person", "PATCH", () -> "/api/registry/persons/" + own.get().person(),
                ownClerk, () -> Map.of("phone", "13800000000"), Map.of("phone", Kind.CODE, "name", Kind.TEXT)));
        endpoints.add(new Endpoint("register death", "POST", () -> "/api/registry/persons/" + own.get().person()
                + "/death", ownClerk, () -> Map.of("diedOn", LocalDate.now().plusYears(1).toString()),
                Map.of("diedOn", Kind.DATE)));
        endpoints.add(new Endpoint("cancel registration", "POST", () -> "/api/registry/persons/" + own.get().person()
                + "/cancellation", ownClerk, () -> Map.of("reason", "SETTLED_ABROAD",
                "cancelledOn", LocalDate.now().plusYears(1).toString()),
                Map.of("reason", Kind.ENUM, "cancelledOn", Kind.DATE)));
        endpoints.add(new Endpoint("retire division", "PUT", () -> "/api/registry/divisions/999999/retirement", "admin",
                () -> Map.of("validTo", LocalDate.now().toString(), "successorCode", "620821", "reason", "模糊测试"),
                Map.of("validTo", Kind.DATE, "successorCode", Kind.COUNTY, "reason", Kind.TEXT)));
        endpoints.add(new Endpoint("announce departure", "POST", () -> "/api/migration/departures", clerk,
                () -> Map.of("idNumber", fuzz.get().head().idNumber(), "originCounty", FUZZ_COUNTY,
                        "destinationCounty", "440305", "departedOn", LocalDate.now().toString(), "reason", "WORK"),
                Map.of("idNumber", Kind.ID_NUMBER, "originCounty", Kind.COUNTY, "destinationCounty", Kind.COUNTY,
                        "departedOn", Kind.DATE, "reason", Kind.ENUM)));
        endpoints.add(new Endpoint("register arrival", "POST", () -> "/api/migration/arrivals", clerk,
                () -> {
                    Person arriving = People.resident("620821", "模糊迁入", "M", "HEAD");
                    return Map.of("idNumber", arriving.idNumber(), "name", arriving.name(), "sex", arriving.sex(),
                            "birthDate", arriving.birthDate(), "originCounty", "620821", "destinationCounty", FUZZ_COUNTY,
                            "arrivedOn", LocalDate.now().toString(), "address", "模糊测试地址", "reason", "WORK");
                },
                Map.of("idNumber", Kind.ID_NUMBER, "name", Kind.TEXT, "sex", Kind.ENUM, "birthDate", Kind.DATE,
                        "originCounty", Kind.COUNTY, "destinationCounty", Kind.COUNTY, "arrivedOn", Kind.DATE,
                        "address", Kind.TEXT, "reason", Kind.ENUM)));
        endpoints.add(new Endpoint("reject move", "POST", () -> "/api/migration/moves/" + own.get().move() + "/reject",
                clerk, () -> Map.of("reason", "模糊测试"), Map.of("reason", Kind.TEXT)));
        endpoints.add(new Endpoint("request verification", "POST", () -> "/api/migration/verifications", clerk,
                () -> Map.of("toCounty", "620821", "moveId", own.get().move(), "question", "CONFIRM_DEPARTURE",
                        "urgent", false),
                Map.of("toCounty", Kind.COUNTY, "moveId", Kind.UUID, "question", Kind.ENUM, "urgent", Kind.NUMBER)));
        endpoints.add(new Endpoint("answer verification", "POST", () -> "/api/migration/verifications/"
                + own.get().verification() + "/answer", ownClerk, () -> Map.of("outcome", "CONFIRMED", "note", "模糊"),
                Map.of("outcome", Kind.ENUM, "note", Kind.TEXT)));
        endpoints.add(new Endpoint("set target", "PUT", () -> "/api/assessment/targets/arrivalMatchRate", "admin",
                () -> Map.of("jurisdiction", "6208", "value", 0.8, "direction", "AT_LEAST", "weight", 20),
                Map.of("jurisdiction", Kind.COUNTY, "value", Kind.NUMBER, "direction", Kind.ENUM, "weight", Kind.NUMBER)));
        return endpoints;
    }

    private static Map<String, Object> personBody(String county, String relation) {
        Person person = People.resident(county, "模糊测试", "F", relation);
        return Map.of("idNumber", person.idNumber(), "name", person.name(), "sex", person.sex(),
                "birthDate", person.birthDate(), "relation", relation);
    }

    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** One hostile request: a valid body with one field made hostile, or a body that is no JSON at all. */
    record Hostile(String description, String path, String contentType, byte[] bytes) {

        static final List<String> SQL = List.of("' OR '1'='1", "620821'; DROP TABLE person;--", "1; select pg_sleep(5)",
                "\" OR \"\"=\"", "%' --");
        static final List<String> SCRIPT = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}");
        static final List<String> CONTROL = List.of("\u0000", "62\u00000821", "\u0007\u0008", "\u001b[31m", "\r\n620821",
                "\u202e1280", "\uFEFF620821");
        static final List<String> COUNTIES = List.of("62082", "6208211", "abcdef", "", "999999", "62 0821", "-620821",
                "٦٢٠٨٢١");
        static final List<String> ID_NUMBERS = List.of("620821199003071244", "62082119900230124X", "62082119900307124",
                "6208211990030712451", "ABCDEFGHIJKLMNOPQR", "620821999913071245", "000000000000000000", "62082190030712");
        static final List<String> DATES = List.of("2024-13-01", "2024-02-30", "01/02/2024", "yesterday", "",
                "99999-01-01", "2024-01-01T25:00");

        static Hostile of(Endpoint endpoint, Random random) {
            String path = endpoint.path().get();
            int kind = random.nextInt(10);
            if (kind == 8) {
                byte[][] broken = {{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        {(byte) 0xFF, (byte) 0xFE, '{', '}'}, {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'}};
                return new Hostile("broken UTF-8", path, "application/json", broken[random.nextInt(broken.length)]);
            }
            if (kind == 9) {
                List<String> malformed = List.of("{", "{\"county\":}", "[]", "null", "\"text\"", "{}}",
                        "[".repeat(5000), "{\"a\":1,\"a\":2", "<xml/>", "");
                String text = malformed.get(random.nextInt(malformed.size()));
                return new Hostile("malformed JSON " + abbreviate(text), path, "application/json",
                        text.getBytes(StandardCharsets.UTF_8));
            }
            Map<String, Object> body = new LinkedHashMap<>(endpoint.body().get());
            List<String> names = new ArrayList<>(endpoint.fields().keySet());
            names.sort(null);
            String field = names.get(random.nextInt(names.size()));
            Kind fieldKind = endpoint.fields().get(field);
            Object value;
            String what;
            switch (kind) {
                case 0 -> {
                    // JSON numbers and booleans become strings in text fields (Jackson's scalar coercion): not asked here
                    Object[] wrong = fieldKind == Kind.TEXT || fieldKind == Kind.CODE
                            ? new Object[] {List.of(1, 2), Map.of("x", 1), List.of()}
                            : new Object[] {12345, List.of(1, 2), Map.of("x", 1), true, 1.5e300, -1};
                    value = wrong[random.nextInt(wrong.length)];
                    what = "wrong type";
                    if (fieldKind == Kind.NUMBER) {
                        value = "not a number";
                    }
                }
                case 1 -> {
                    body.remove(endpoint.required());
                    body.keySet().removeIf(key -> random.nextBoolean());
                    return json(body, "fields missing (" + endpoint.required() + " …)", path);
                }
                case 2 -> {
                    value = "长".repeat(100_000 + random.nextInt(200_000));
                    what = "huge string";
                }
                case 3 -> {
                    value = pick(random, CONTROL);
                    what = "control characters";
                    if (fieldKind == Kind.TEXT) {
                        value = "模糊\u0000测试";
                    }
                }
                case 4 -> {
                    value = pick(random, SQL);
                    what = "SQL";
                    if (fieldKind == Kind.TEXT) {
                        value = "长".repeat(100_000);
                        what = "huge string";
                    }
                }
                case 5 -> {
                    value = pick(random, SCRIPT);
                    what = "script";
                    if (fieldKind == Kind.TEXT) {
                        value = List.of("<script>");
                        what = "wrong type";
                    }
                }
                case 6 -> {
                    String county = names.stream().filter(n -> endpoint.fields().get(n) == Kind.COUNTY).findFirst()
                            .orElse(null);
                    String idNumber = names.stream().filter(n -> endpoint.fields().get(n) == Kind.ID_NUMBER).findFirst()
                            .orElse(null);
                    if (county != null) {
                        field = county;
                        value = pick(random, COUNTIES);
                        what = "invalid division code";
                    } else if (idNumber != null) {
                        field = idNumber;
                        value = "999999" + "199003071245";
                        what = "ID number of an unknown division";
                    } else {
                        value = Map.of("code", pick(random, COUNTIES));
                        what = "division code object";
                    }
                }
                default -> {
                    String idField = names.stream().filter(n -> endpoint.fields().get(n) == Kind.ID_NUMBER).findFirst()
                            .orElse(null);
                    String dateField = names.stream().filter(n -> endpoint.fields().get(n) == Kind.DATE).findFirst()
                            .orElse(null);
                    if (kind == 7 && idField != null) {
                        field = idField;
                        value = pick(random, ID_NUMBERS);
                        what = "invalid ID number";
                    } else if (dateField != null) {
                        field = dateField;
                        value = pick(random, DATES);
                        what = "invalid date";
                    } else {
                        value = Map.of("$ne", "");
                        what = "operator object";
                    }
                }
            }
            if (body.get(field) instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                    && kind != 0) {
                // a list of records: make one field of the first record hostile
                Map<String, Object> member = new LinkedHashMap<>();
                first.forEach((k, v) -> member.put(k.toString(), v));
                String inner = member.keySet().stream().sorted().toList().get(random.nextInt(member.size()));
                member.put(inner, value instanceof String s && s.length() < 1000 ? s : value);
                body.put(field, List.of(member));
                return json(body, what + " in " + field + "[0]." + inner, path);
            }
            body.put(field, value);
            return json(body, what + " in " + field + " (" + abbreviate(String.valueOf(value)) + ")", path);
        }

        private static Hostile json(Map<String, Object> body, String description, String path) {
            return new Hostile(description, path, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
        }

        private static String pick(Random random, List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static String abbreviate(String text) {
            String printable = text.replaceAll("\\p{Cntrl}", "?");
            return printable.length() > 40 ? printable.substring(0, 40) + "…(" + text.length() + ")" : printable;
        }
    }
}
