package org.liudong.assessment.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CloudEvents shaped as the producers publish them (event catalogue; producers' JSON Schemas checked in
 * {@code ProducerSchemaContractTest}). Each builder returns the envelope; {@link #data(ObjectNode)} reaches the data.
 */
public final class SampleEvents {

    public static final ObjectMapper JSON = new ObjectMapper();

    private SampleEvents() {
    }

    /**
     * A county code drawn at random from 10,000 that no real county has. Within one run it is as good as unused;
     * a test database kept across many runs holds earlier runs' persons in some of them, so counts are best
     * compared with what the county held before.
     */
    public static String freshCounty() {
        return freshCounty("99");
    }

    public static String freshCounty(String prefix) {
        int digits = 6 - prefix.length();
        return prefix + String.format("%0" + digits + "d", ThreadLocalRandom.current().nextInt((int) Math.pow(10, digits)));
    }

    /** A past month nobody else uses, so figures for it start from nothing. */
    public static java.time.YearMonth freshMonth() {
        return java.time.YearMonth.of(2001 + ThreadLocalRandom.current().nextInt(20), 1 + ThreadLocalRandom.current().nextInt(12));
    }

    /** Noon in China on a day, as an instant. */
    public static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    public static String idIndex() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static ObjectNode envelope(String service, String event, String subject, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        String type = "liudong." + service + "." + event + ".v1";
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/liudong/" + service + "-service");
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", "urn:liudong:schema:" + type);
        envelope.set("data", data);
        return envelope;
    }

    public static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    public static ObjectNode householdRegistered(UUID householdId, String county, Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("householdId", householdId.toString());
        data.put("householdNumber", "H" + Math.abs(householdId.getMostSignificantBits() % 1_000_000));
        data.put("county", county);
        data.put("township", county + "100");
        data.put("memberCount", 1);
        data.put("occurredAt", at.toString());
        return envelope("registry", "household-registered", householdId.toString(), data).put("county", county);
    }

    public static ObjectNode householdDissolved(UUID householdId, String county, Instant at) {
        ObjectNode data = JSON.createObjectNode().put("householdId", householdId.toString()).put("county", county)
                .put("occurredAt", at.toString());
        return envelope("registry", "household-dissolved", householdId.toString(), data).put("county", county);
    }

    public static ObjectNode personRegistered(UUID personId, String county, Instant at) {
        return person("person-registered", personId, county, UUID.randomUUID(), idIndex(), at);
    }

    public static ObjectNode person(String event, UUID personId, String county, UUID householdId, String idIndex,
                                    Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("personId", personId.toString());
        data.put("county", county);
        data.put("sex", "F");
        data.put("birthYear", 1990);
        data.put("idIndex", idIndex);
        data.put("householdId", householdId.toString());
        data.put("relation", "HEAD");
        data.put("status", "ACTIVE");
        data.put("occurredAt", at.toString());
        return envelope("registry", event, personId.toString(), data).put("county", county);
    }

    public static ObjectNode deathRegistered(UUID personId, String county, Instant at) {
        ObjectNode event = person("death-registered", personId, county, UUID.randomUUID(), idIndex(), at);
        data(event).put("status", "DECEASED").put("diedOn", LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).toString());
        return event;
    }

    public static ObjectNode personCancelled(UUID personId, String county, Instant at) {
        ObjectNode event = person("person-cancelled", personId, county, UUID.randomUUID(), idIndex(), at);
        data(event).put("status", "CANCELLED").put("cancelledOn", LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).toString())
                .put("reason", "SETTLED_ABROAD");
        return event;
    }

    /** A step of a move; {@code status} as the migration service reports it after the step. */
    public static ObjectNode move(String event, UUID moveId, UUID personId, String origin, String destination,
                                  String status, Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("moveId", moveId.toString());
        data.put("personId", personId.toString());
        data.put("idIndex", idIndex());
        data.put("originCounty", origin);
        data.put("destinationCounty", destination);
        data.put("reason", "WORK");
        data.put("sex", "M");
        data.put("birthYear", 1995);
        data.put("status", status);
        data.put("occurredAt", at.toString());
        return envelope("migration", event, moveId.toString(), data)
                .put("origincounty", origin).put("destcounty", destination);
    }

    public static ObjectNode departure(UUID moveId, UUID personId, String origin, String destination,
                                       LocalDate departedOn, LocalDate registeredOn, Instant at) {
        ObjectNode event = move("departure-registered", moveId, personId, origin, destination, "ANNOUNCED", at);
        data(event).put("departedOn", departedOn.toString()).put("registeredOn", registeredOn.toString());
        return event;
    }

    public static ObjectNode arrival(UUID moveId, UUID personId, String origin, String destination,
                                     LocalDate arrivedOn, boolean matched, Instant at) {
        ObjectNode event = move("arrival-registered", moveId, personId, origin, destination,
                matched ? "SETTLED" : "UNVERIFIED", at);
        data(event).put("arrivedOn", arrivedOn.toString()).put("matched", matched);
        return event;
    }

    public static ObjectNode verification(String event, UUID verificationId, String from, String to, UUID moveId,
                                          LocalDate dueOn, Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("verificationId", verificationId.toString());
        data.put("fromCounty", from);
        data.put("toCounty", to);
        if (moveId != null) {
            data.put("moveId", moveId.toString());
        }
        data.put("question", "CONFIRM_DEPARTURE");
        data.put("urgent", false);
        data.put("dueOn", dueOn.toString());
        data.put("status", switch (event) {
            case "verification-answered" -> "ANSWERED";
            case "verification-overdue" -> "OVERDUE";
            default -> "OPEN";
        });
        data.put("occurredAt", at.toString());
        return envelope("migration", event, verificationId.toString(), data)
                .put("origincounty", from).put("destcounty", to);
    }

    /** One sample of every registry event the service reads, as the QuarkusTests publish them. */
    public static java.util.List<ObjectNode> registryCatalogue() {
        String county = "620821";
        Instant at = Instant.now();
        UUID household = UUID.randomUUID();
        ObjectNode birth = person("birth-registered", UUID.randomUUID(), county, household, idIndex(), at);
        data(birth).put("birthDate", "2026-01-15").put("birthYear", 2026).put("relation", "CHILD");
        ObjectNode moved = person("member-moved", UUID.randomUUID(), county, household, idIndex(), at);
        data(moved).put("fromHouseholdId", UUID.randomUUID().toString());
        ObjectNode corrected = person("person-corrected", UUID.randomUUID(), county, household, idIndex(), at);
        data(corrected).putArray("fields").add("name");
        return java.util.List.of(
                householdRegistered(household, county, at),
                personRegistered(UUID.randomUUID(), county, at),
                person("member-added", UUID.randomUUID(), county, household, idIndex(), at),
                person("head-changed", UUID.randomUUID(), county, household, idIndex(), at),
                moved, corrected, birth,
                deathRegistered(UUID.randomUUID(), county, at),
                personCancelled(UUID.randomUUID(), county, at),
                householdDissolved(household, county, at));
    }

    /** One sample of every migration event the service reads. */
    public static java.util.List<ObjectNode> migrationCatalogue() {
        Instant at = Instant.now();
        UUID move = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        ObjectNode settled = move("move-settled", move, person, "620821", "440305", "SETTLED", at);
        data(settled).put("departedOn", today.minusDays(3).toString()).put("arrivedOn", today.toString());
        ObjectNode rejected = move("move-rejected", move, person, "620821", "440305", "REJECTED", at);
        data(rejected).put("rejectionReason", "wrong county");
        ObjectNode returned = move("move-returned", move, person, "620821", "440305", "RETURNED", at);
        data(returned).put("returnedOn", today.toString());
        ObjectNode expired = move("residence-expired", move, person, "620821", "440305", "SETTLED", at);
        data(expired).put("validUntil", today.toString());
        ObjectNode renewed = move("residence-renewed", move, person, "620821", "440305", "SETTLED", at);
        data(renewed).put("validUntil", today.plusYears(1).toString());
        ObjectNode movedOn = move("move-moved-on", move, person, "620821", "440305", "MOVED_ON", at);
        data(movedOn).put("nextMoveId", UUID.randomUUID().toString()).put("nextDestinationCounty", "610113");
        UUID verification = UUID.randomUUID();
        ObjectNode answered = verification("verification-answered", verification, "440305", "620821", move,
                today.plusDays(30), at);
        data(answered).put("outcome", "CONFIRMED");
        return java.util.List.of(
                departure(move, person, "620821", "440305", today.minusDays(3), today, at),
                arrival(move, person, "620821", "440305", today, true, at),
                settled, rejected,
                move("move-revoked", move, person, "620821", "440305", "REVOKED", at),
                returned,
                move("move-lapsed", move, person, "620821", "440305", "LAPSED", at),
                expired, renewed, movedOn,
                verification("verification-requested", verification, "440305", "620821", move, today.plusDays(30), at),
                answered,
                verification("verification-reminded", verification, "440305", "620821", move, today.plusDays(30), at),
                verification("verification-overdue", verification, "440305", "620821", move, today.plusDays(30), at));
    }
}
