package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.support.Api;
import org.liudong.registry.messaging.RegistryEvents;
import org.liudong.registry.support.People;
import org.liudong.registry.support.RegistryTopic;
import org.liudong.stack.testing.PlatformTestResource;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.liudong.registry.support.Api.CLERK;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ImportTest {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String HEADER = "household_number,county,township,address,id_number,name,sex,birth_date,relation,phone\n";

    private static String row(String number, String idNumber, String name, Sex sex, LocalDate born, String relation) {
        return String.join(",", number, "620821", "620821100", "\"东街 1 号, 2 单元\"", idNumber, name, sex.name(),
                born.toString(), relation, "") + "\n";
    }

    private static JsonPath submit(String csv, String key) {
        var request = Api.asIntegrator().contentType(CSV).body(csv);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        var response = request.post("/api/registry/imports").then().statusCode(202).extract();
        assertThat(response.header("Location")).contains("/api/registry/imports/");
        return response.jsonPath();
    }

    private static JsonPath finished(String jobId) {
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            job[0] = Api.asIntegrator().get("/api/registry/imports/" + jobId).then().statusCode(200).extract().jsonPath();
            return job[0].getString("status").equals("DONE") || job[0].getString("status").equals("FAILED");
        });
        return job[0];
    }

    @Test
    void goodRowsAreImportedBadRowsReportedAndReimportCreatesNoDuplicates() {
        String h1 = "IMP-" + System.nanoTime();
        String h2 = h1 + "-B";
        LocalDate headBorn = LocalDate.of(1961, 4, 12);
        String head = People.idNumber("620821", headBorn, Sex.M);
        LocalDate childBorn = LocalDate.of(1990, 8, 30);
        String child = People.idNumber("620821", childBorn, Sex.F);
        // a legacy 15-digit number: 6 digits of division, yymmdd, 3-digit sequence (odd: male)
        String legacy = "620821" + "550101" + "123";
        String csv = HEADER
                + row(h1, head, "张大山", Sex.M, headBorn, "HEAD")
                + row(h1, child, "张小花", Sex.F, childBorn, "CHILD")
                + row(h1, legacy, "张老汉", Sex.M, LocalDate.of(1955, 1, 1), "PARENT")
                + row(h1, head.substring(0, 17) + (head.charAt(17) == '0' ? '1' : '0'), "错号", Sex.M, headBorn, "OTHER")
                + row(h2, People.idNumber("620821", headBorn, Sex.F), "李四", Sex.F, headBorn, "SPOUSE")
                + row(h1, People.idNumber("620821", headBorn, Sex.F), "王五", Sex.F, headBorn.plusDays(1), "COUSIN");

        JsonPath job = finished(submit(csv, null).getString("id"));
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getInt("rowsTotal")).isEqualTo(6);
        assertThat(job.getInt("rowsDone")).isEqualTo(6);
        assertThat(job.getInt("rowsImported")).isEqualTo(3);
        assertThat(job.getInt("rowsFailed")).isEqualTo(3);
        assertThat(job.getList("errors.row", Integer.class)).contains(5, 6, 7);
        assertThat(job.getString("errors.find { it.row == 5 }.field")).isEqualTo("id_number");
        assertThat(job.getString("errors.find { it.row == 6 }.reason")).contains("HEAD");
        assertThat(job.getList("errors.findAll { it.row == 7 }.field")).contains("relation", "id_number");

        Api.as(CLERK).queryParam("householdNumber", h1).get("/api/registry/persons").then()
                .statusCode(200).body("items", hasSize(3));
        String legacyConverted = ResidentIdNumber.fromLegacy(legacy).value();
        Api.as(CLERK).queryParam("idNumber", legacyConverted).get("/api/registry/persons").then()
                .body("items", hasSize(1)).body("items[0].name", equalTo("张老汉"));

        JsonPath again = finished(submit(csv, null).getString("id"));
        assertThat(again.getInt("rowsImported")).isZero();
        assertThat(again.getInt("rowsSkipped")).isEqualTo(3);
        Api.as(CLERK).queryParam("householdNumber", h1).get("/api/registry/persons").then().body("items", hasSize(3));
    }

    @Test
    void importedPersonsAreAuditedWithTheirLineAndPublishedThroughTheOutbox() {
        String number = "IMP-" + System.nanoTime();
        LocalDate headBorn = LocalDate.of(1972, 2, 29);
        LocalDate spouseBorn = LocalDate.of(1974, 11, 3);
        String csv = HEADER
                + row(number, People.idNumber("620821", headBorn, Sex.M), "赵一", Sex.M, headBorn, "HEAD")
                + row(number, People.idNumber("620821", spouseBorn, Sex.F), "钱二", Sex.F, spouseBorn, "SPOUSE");
        try (RegistryTopic topic = new RegistryTopic()) {
            JsonPath job = finished(submit(csv, null).getString("id"));
            assertThat(job.getInt("rowsImported")).isEqualTo(2);

            JsonPath members = Api.as(CLERK).queryParam("householdNumber", number).get("/api/registry/persons").then()
                    .statusCode(200).body("items", hasSize(2)).extract().jsonPath();
            String spouse = members.getString("items.find { it.relation == 'SPOUSE' }.id");
            String householdId = members.getString("items[0].householdId");
            Api.as(Api.SUPERVISOR).queryParam("subject", spouse).get("/api/registry/audit").then().statusCode(200)
                    .body("items.find { it.action == 'IMPORT' }.detail", equalTo("import job " + job.getString("id") + ", line 3"));

            topic.await(RegistryEvents.type(RegistryEvents.HOUSEHOLD_REGISTERED), householdId);
            RegistryTopic.Received registered = topic.await(RegistryEvents.type(RegistryEvents.PERSON_REGISTERED), spouse);
            assertThat(registered.key()).isEqualTo(spouse);
            assertThat(registered.event().path("data").path("householdId").asText()).isEqualTo(householdId);
            assertThat(registered.event().toString()).doesNotContain("钱二");
        }
    }

    @Test
    void fileOfManyBatchesKeepsItsGoodRowsReportsItsBadOnesAndReimportsWithoutDuplicates() {
        // the tests cut batches every 4 rows: 20 households of 3 make 20 batches, each stored while the next is read
        String prefix = "IMP-M" + System.nanoTime() + "-";
        StringBuilder csv = new StringBuilder(HEADER);
        String firstHead = null;
        for (int h = 0; h < 20; h++) {
            for (int m = 0; m < 3; m++) {
                Sex sex = m == 1 ? Sex.F : Sex.M;
                LocalDate born = LocalDate.of(1950 + h, 1 + m, 1 + h);
                String idNumber = People.idNumber("620821", born, sex);
                if (h == 0 && m == 0) {
                    firstHead = idNumber;
                }
                if (h == 7 && m == 2) {
                    csv.append(row(prefix + h, idNumber, "坏行", Sex.F, born, "CHILD"));    // line 25: sex disagrees
                } else if (h == 15 && m == 1) {
                    csv.append(row(prefix + h, firstHead, "重号", Sex.M, LocalDate.of(1950, 1, 1), "SPOUSE")); // line 48
                } else {
                    csv.append(row(prefix + h, idNumber, "成员" + m, sex, born, m == 0 ? "HEAD" : "CHILD"));
                }
            }
        }

        JsonPath job = finished(submit(csv.toString(), null).getString("id"));
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getInt("rowsDone")).isEqualTo(60);
        assertThat(job.getInt("rowsImported")).isEqualTo(58);
        assertThat(job.getInt("rowsFailed")).isEqualTo(2);
        assertThat(job.getString("errors.find { it.row == 25 }.field")).isEqualTo("id_number");
        assertThat(job.getString("errors.find { it.row == 48 }.reason")).contains("another household");
        Api.as(CLERK).queryParam("householdNumber", prefix + 19).get("/api/registry/persons").then()
                .statusCode(200).body("items", hasSize(3));
        Api.as(CLERK).queryParam("idNumber", firstHead).get("/api/registry/persons").then()
                .body("items", hasSize(1)).body("items[0].name", equalTo("成员0"));

        JsonPath again = finished(submit(csv.toString(), null).getString("id"));
        assertThat(again.getInt("rowsImported")).isZero();
        assertThat(again.getInt("rowsSkipped")).isEqualTo(58);
        assertThat(again.getInt("rowsFailed")).isEqualTo(2);
        Api.as(CLERK).queryParam("householdNumber", prefix + 19).get("/api/registry/persons").then().body("items", hasSize(3));
    }

    @Test
    void rowOfAnExistingHouseholdJoinsItAsAMember() {
        String number = "IMP-J" + System.nanoTime();
        LocalDate headBorn = LocalDate.of(1966, 6, 6);
        LocalDate childBorn = LocalDate.of(1999, 9, 9);
        String child = People.idNumber("620821", childBorn, Sex.F);
        finished(submit(HEADER + row(number, People.idNumber("620821", headBorn, Sex.M), "孙一", Sex.M, headBorn, "HEAD"),
                null).getString("id"));
        String householdId = Api.as(CLERK).queryParam("householdNumber", number).get("/api/registry/persons").then()
                .extract().jsonPath().getString("items[0].householdId");
        String version = Api.as(CLERK).get("/api/registry/households/" + householdId).then().extract().header("ETag");

        try (RegistryTopic topic = new RegistryTopic()) {
            JsonPath job = finished(submit(HEADER + row(number, child, "孙二", Sex.F, childBorn, "CHILD")
                    + row(number, People.idNumber("620821", childBorn, Sex.M), "孙三", Sex.M, childBorn, "HEAD"),
                    null).getString("id"));
            assertThat(job.getInt("rowsImported")).isEqualTo(1);
            assertThat(job.getString("errors.find { it.row == 3 }.reason")).contains("already has a head");
            String childId = Api.as(CLERK).queryParam("idNumber", child).get("/api/registry/persons").then()
                    .body("items[0].householdId", equalTo(householdId)).extract().jsonPath().getString("items[0].id");
            RegistryTopic.Received added = topic.await(RegistryEvents.type(RegistryEvents.MEMBER_ADDED), childId);
            assertThat(added.event().path("data").path("householdId").asText()).isEqualTo(householdId);
        }
        Api.as(CLERK).get("/api/registry/households/" + householdId).then().body("members", hasSize(2))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(version)));
    }

    @Test
    void retriedUploadWithTheSameKeyIsTheSameJob() {
        String csv = HEADER + row("IMP-K" + System.nanoTime(), People.idNumber("620821", LocalDate.of(1980, 1, 2), Sex.M),
                "赵六", Sex.M, LocalDate.of(1980, 1, 2), "HEAD");
        String key = UUID.randomUUID().toString();
        String first = submit(csv, key).getString("id");
        assertThat(submit(csv, key).getString("id")).isEqualTo(first);
        Api.asIntegrator().contentType(CSV).header("Idempotency-Key", key).body(csv + "\n\n")
                .post("/api/registry/imports").then().statusCode(422);
        finished(first);
    }

    @Test
    void fileWithoutTheExpectedHeaderIsRefused() {
        Api.asIntegrator().contentType(CSV).body("name,id\n张三,1\n").post("/api/registry/imports").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("header"));
    }

    @Test
    void blankLinesArePassedOverAndAFinishedJobHasDoneEveryRowItCounted() {
        LocalDate born = LocalDate.of(1982, 5, 6);
        String csv = HEADER + "\n" + row("IMP-B" + System.nanoTime(), People.idNumber("620821", born, Sex.M), "孙八",
                Sex.M, born, "HEAD") + "  \r\n\n";
        JsonPath job = finished(submit(csv, null).getString("id"));
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getInt("rowsTotal")).isEqualTo(1);
        assertThat(job.getInt("rowsDone")).isEqualTo(1);
        assertThat(job.getInt("rowsImported")).isEqualTo(1);
    }

    /** Spreadsheets on Chinese Windows save CSV in GBK unless told otherwise. */
    @Test
    void fileSavedInGbkIsRefusedWithItsFirstLineThatIsNotUtf8AndNothingIsImported() {
        LocalDate born = LocalDate.of(1981, 3, 4);
        String number = "IMP-G" + System.nanoTime();
        String csv = HEADER + row(number, People.idNumber("620821", born, Sex.F), "钱七", Sex.F, born, "HEAD");
        Api.asIntegrator().contentType("text/csv").body(csv.getBytes(Charset.forName("GBK")))
                .post("/api/registry/imports").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", equalTo("line 2 is not UTF-8"));
        Api.as(CLERK).queryParam("householdNumber", number).get("/api/registry/persons").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyIntegratorsImportAndOnlyTheirCountySeesTheJob() {
        Api.as(CLERK).contentType(CSV).body(HEADER).post("/api/registry/imports").then().statusCode(403);
        String id = submit(HEADER, null).getString("id");
        finished(id);
        Api.as(CLERK).get("/api/registry/imports/" + id).then().statusCode(200).body("rowsTotal", equalTo(0));
        Api.as(Api.OTHER_CLERK).get("/api/registry/imports/" + id).then().statusCode(403);
    }
}
