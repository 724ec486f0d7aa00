package org.liudong.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo data must pass the registry's checks, or deploy/up stops half-way through seeding. */
class DemoSeedDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final Path demo = StackPaths.locate().root().resolve(DemoSeed.DIRECTORY);

    @Test
    void everyResidentHasAValidIdNumberThatAgreesWithBirthDateAndSex() throws IOException {
        for (JsonNode household : read("households")) {
            for (JsonNode member : household.get("members")) {
                String idNumber = member.get("idNumber").asText();
                assertThat(idNumber).as(member.toString()).matches("\\d{17}[\\dX]");
                assertThat(idNumber.charAt(17)).as("check character of " + idNumber).isEqualTo(checkCharacter(idNumber));
                assertThat(LocalDate.parse(member.get("birthDate").asText()))
                        .isEqualTo(LocalDate.parse(idNumber.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
                assertThat(member.get("sex").asText()).isEqualTo((idNumber.charAt(16) - '0') % 2 == 1 ? "M" : "F");
            }
        }
    }

    @Test
    void householdsHaveOneHeadATownshipOfTheirCountyAndNumbersAndIdNumbersThatNeverRepeat() throws IOException {
        Set<String> householdNumbers = new HashSet<>();
        Set<String> idNumbers = new HashSet<>();
        for (JsonNode household : read("households")) {
            String county = household.get("county").asText();
            assertThat(householdNumbers.add(county + "/" + household.get("householdNumber").asText())).isTrue();
            assertThat(household.at("/address/township").asText()).matches(county + "\\d{3}");
            List<String> relations = new ArrayList<>();
            household.get("members").forEach(member -> relations.add(member.get("relation").asText()));
            assertThat(relations).containsOnlyOnce("HEAD");
            household.get("members").forEach(member -> assertThat(idNumbers.add(member.get("idNumber").asText())).isTrue());
        }
        assertThat(householdNumbers.stream().map(number -> number.substring(0, 6)).distinct())
                .contains("620821", "440305", "610113");
    }

    @Test
    void departuresAreOfDemoResidentsOfTheirOriginCounty() throws IOException {
        Map<String, String> countyOfResident = new HashMap<>();
        for (JsonNode household : read("households")) {
            household.get("members").forEach(member ->
                    countyOfResident.put(member.get("idNumber").asText(), household.get("county").asText()));
        }
        List<JsonNode> departures = read("departures");
        assertThat(departures).isNotEmpty();
        for (JsonNode departure : departures) {
            assertThat(countyOfResident.get(departure.get("idNumber").asText()))
                    .isEqualTo(departure.get("originCounty").asText());
            assertThat(departure.get("destinationCounty").asText()).isNotEqualTo(departure.get("originCounty").asText());
        }
    }

    @Test
    void aDepartureWithoutADateGetsARecentOne() throws IOException {
        String body = DemoSeed.withDepartureDate("{\"originCounty\":\"620821\"}");
        assertThat(JSON.readTree(body).get("departedOn").asText()).isEqualTo(LocalDate.now().minusDays(2).toString());
        assertThat(DemoSeed.withDepartureDate("{\"departedOn\":\"2026-01-02\"}")).isEqualTo("{\"departedOn\":\"2026-01-02\"}");
    }

    private List<JsonNode> read(String kind) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(demo.resolve(kind))) {
            for (Path file : files.sorted().toList()) {
                bodies.add(JSON.readTree(file.toFile()));
            }
        }
        return bodies;
    }

    private static char checkCharacter(String idNumber) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
