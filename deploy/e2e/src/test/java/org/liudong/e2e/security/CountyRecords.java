package org.liudong.e2e.security;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.liudong.e2e.security.People.Person;

import io.restassured.response.Response;

/**
 * Records of one county, made through the gateway by that county's clerk (and a clerk of the partner county, 610113 or
 * for 610113 itself 440305, for what another county sends it): a household with its head, a move of another resident
 * to the partner, a verification request the partner sent it with the matching inbox item, and for 620821 an import
 * job of its integrator.
 */
record CountyRecords(String county, String household, Person head, String person, String move, String verification,
                     String inboxItem, String importJob) {

    static final String THIRD_COUNTY = "610113";
    /** migration-service learns of a new resident from registry.events a moment after the registration. */
    static final Duration PROJECTION = Duration.ofSeconds(90);

    private static final Map<String, CountyRecords> MADE = new ConcurrentHashMap<>();

    static CountyRecords of(String county) {
        return MADE.computeIfAbsent(county, CountyRecords::make);
    }

    private static CountyRecords make(String county) {
        String clerk = "clerk-" + county;
        Person head = People.resident(county, "安全测试", "F", "HEAD");
        Response household = Callers.as(clerk).body(People.householdJson(county, People.householdNumber(), head))
                .post("/api/registry/households");
        household.then().statusCode(201);
        String householdId = household.jsonPath().getString("id");
        String personId = household.jsonPath().getString("members.find { it.relation == 'HEAD' }.personId");

        String partner = THIRD_COUNTY.equals(county) ? "440305" : THIRD_COUNTY;
        Person mover = registeredResident(county, "M");
        String move = postOnceKnown(clerk, "/api/migration/departures", departureJson(mover, county, partner))
                .then().statusCode(201).extract().jsonPath().getString("id");

        Person arriving = registeredResident(county, "F");
        Response arrival = Callers.as("clerk-" + partner).body(arrivalJson(arriving, county, partner))
                .post("/api/migration/arrivals");
        arrival.then().statusCode(201);
        String verification = arrival.jsonPath().getString("verificationId");
        AtomicReference<String> inboxItem = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            inboxItem.set(Callers.as(clerk).queryParam("county", county).queryParam("size", 500)
                    .get("/api/migration/inbox").then().statusCode(200).extract().jsonPath()
                    .getString("items.find { it.verificationId == '" + verification + "' }.id"));
            return inboxItem.get() != null;
        });

        String importJob = "620821".equals(county) ? importJob(county) : null;
        return new CountyRecords(county, householdId, head, personId, move, verification, inboxItem.get(), importJob);
    }

    /** A resident registered in the county's register as the head of a household of one. */
    static Person registeredResident(String county, String sex) {
        Person person = People.resident(county, "测试迁移", sex, "HEAD");
        Callers.as("clerk-" + county).body(People.householdJson(county, People.householdNumber(), person))
                .post("/api/registry/households").then().statusCode(201);
        return person;
    }

    static String departureJson(Person person, String origin, String destination) {
        return """
                {"idNumber":"%s","originCounty":"%s","destinationCounty":"%s","departedOn":"%s","reason":"WORK",
                 "destinationAddress":"安全测试地址"}""".formatted(person.idNumber(), origin, destination, LocalDate.now());
    }

    static String arrivalJson(Person person, String origin, String destination) {
        return """
                {"idNumber":"%s","name":"%s","sex":"%s","birthDate":"%s","originCounty":"%s","destinationCounty":"%s",
                 "arrivedOn":"%s","address":"安全测试地址","reason":"WORK"}""".formatted(person.idNumber(),
                person.name(), person.sex(), person.birthDate(), origin, destination, LocalDate.now());
    }

    /** Posts until migration-service knows the resident (422 before, which leaves nothing behind). */
    static Response postOnceKnown(String caller, String path, String body) {
        AtomicReference<Response> last = new AtomicReference<>();
        await().atMost(PROJECTION).pollInterval(Duration.ofMillis(250)).until(() -> {
            last.set(Callers.as(caller).body(body).post(path));
            return last.get().statusCode() != 422;
        });
        return last.get();
    }

    static String importCsv(String county) {
        Person person = People.resident(county, "导入测试", "M", "HEAD");
        return "household_number,county,township,address,id_number,name,sex,birth_date,relation,phone\n"
                + String.join(",", People.householdNumber(), county, People.township(county), "安全测试路2号",
                person.idNumber(), person.name(), person.sex(), person.birthDate(), "HEAD", "") + "\n";
    }

    private static String importJob(String county) {
        return Callers.as(Callers.INTEGRATOR).contentType("text/csv").body(importCsv(county))
                .post("/api/registry/imports").then().statusCode(202).extract().jsonPath().getString("id");
    }
}
