package org.liudong.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liudong.e2e.Platform;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** OWASP API3: each answer holds only what its caller may see. */
@ExtendWith(Platform.class)
class FieldExposureIT {

    private static final List<String> PERSONAL_FIELDS = List.of("idNumber", "name", "phone", "birthDate");
    /** An 18-character resident ID number, or a 15-digit legacy one, anywhere in a text. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])");
    /** A masked ID number as list answers show it: 620821********1245. */
    private static final Pattern MASKED = Pattern.compile("[0-9]{6}\\*{8}[0-9]{3}[0-9X]");

    @Test
    void anAnalystNeverReceivesPersonalDataFromAnyReadOperation() {
        CountyRecords own = CountyRecords.of("620821");
        List<MatrixEntry> reads = MatrixEntry.load("/security/authorization-matrix.csv").stream()
                .filter(entry -> entry.caller().equals("analyst-62") && entry.method().equals("GET")
                        && !entry.path().startsWith("/api/assessment/stream"))
                .toList();
        assertThat(reads).isNotEmpty();
        for (MatrixEntry entry : reads) {
            CountyRecords records = entry.target().isEmpty() ? own : CountyRecords.of(entry.target());
            Response response = Callers.as("analyst-62").get(AuthorizationMatrixIT.resolve(entry.path(), records));
            String body = response.asString();
            assertThat(body).as(entry.toString()).doesNotContain(records.head().idNumber(), records.head().name());
            assertThat(ID_NUMBER.matcher(body).find()).as(entry + " holds an ID number: " + body).isFalse();
            if (response.contentType().contains("json") && !body.isBlank()) {
                // a division's name is a place name, not a person's
                List<String> personal = entry.path().startsWith("/api/registry/divisions")
                        ? PERSONAL_FIELDS.stream().filter(field -> !field.equals("name")).toList() : PERSONAL_FIELDS;
                assertThat(keysOf(body)).as(entry.toString()).doesNotContainAnyElementsOf(personal);
            }
        }
    }

    @Test
    void aCountysResidentListMasksEveryIdNumber() {
        CountyRecords own = CountyRecords.of("620821");
        JsonPath page = Callers.as("clerk-620821").queryParam("county", "620821").queryParam("size", 200)
                .get("/api/registry/persons").then().statusCode(200).extract().jsonPath();
        List<String> idNumbers = page.getList("items.idNumber", String.class);
        assertThat(idNumbers).isNotEmpty().allSatisfy(id -> assertThat(id).matches(MASKED));
        assertThat(page.prettify()).doesNotContain(own.head().idNumber());
    }

    @Test
    void aSearchByIdNumberAnswersAMaskedListAndTheRecordTheFullNumber() {
        CountyRecords own = CountyRecords.of("620821");
        String idNumber = own.head().idNumber();
        Callers.as("clerk-620821").queryParam("idNumber", idNumber).get("/api/registry/persons")
                .then().statusCode(200).extract().jsonPath().getList("items.idNumber", String.class)
                .forEach(masked -> assertThat(masked).matches(MASKED)
                        .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)));
        assertThat(Callers.as("clerk-620821").get("/api/registry/persons/{id}", own.person()).jsonPath()
                .getString("idNumber")).isEqualTo(idNumber);
    }

    @Test
    void aSearchByIdNumberOutsideTheJurisdictionFindsNobody() {
        String idNumber = CountyRecords.of("620821").head().idNumber();
        assertThat(Callers.as("clerk-440305").queryParam("idNumber", idNumber).get("/api/registry/persons")
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void migrationListsShowNoFullIdNumbers() {
        CountyRecords own = CountyRecords.of("620821");
        for (String path : List.of("/api/migration/moves?county=620821&direction=out&size=200",
                "/api/migration/inbox?county=620821&size=200")) {
            String body = Callers.as("clerk-620821").get(path).then().statusCode(200).extract().asString();
            assertThat(ID_NUMBER.matcher(body).find()).as(path + " holds a full ID number").isFalse();
            assertThat(body).doesNotContain(own.head().idNumber());
        }
    }

    /** Every key of every object in a JSON document. */
    private static List<String> keysOf(String json) {
        Object root = JsonPath.from(json).get("$");
        java.util.List<String> keys = new java.util.ArrayList<>();
        collect(root, keys);
        return keys;
    }

    private static void collect(Object node, List<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                keys.add(key.toString());
                collect(value, keys);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, keys));
        }
    }
}
