package org.liudong.assessment.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.stack.testing.Tokens;

import java.time.YearMonth;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.liudong.assessment.support.Api.as;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class IndicatorAccessTest {

    private static final String PATH = "/api/assessment/counties/{code}/indicators";

    @ParameterizedTest(name = "{0} reading {1} gets {2}")
    @CsvSource({
            "analyst-62, 620821, 200", "analyst-62, 440305, 403",
            "supervisor-6208, 620821, 200", "supervisor-6208, 621102, 403",
            "clerk-620821, 620821, 200", "clerk-620821, 620822, 403", "clerk-440305, 620821, 403",
            "admin, 440305, 200"})
    void indicatorsAreReadWithinTheCallersJurisdictionOnly(String user, String county, int status) {
        as(user).get(PATH, county).then().statusCode(status);
    }

    @Test
    void integratorReadsItsOwnCountyOnly() {
        String token = Tokens.client("integrator-620821", "demo");
        given().auth().oauth2(token).get(PATH, "620821").then().statusCode(200);
        given().auth().oauth2(token).get(PATH, "440305").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void withoutTokenTheAnswerIs401ProblemJson() {
        given().get(PATH, "620821").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void periodDefaultsToTheCurrentMonth() {
        as("analyst-62").get(PATH, "620821").then().statusCode(200)
                .body("county", equalTo("620821"))
                .body("period", equalTo(YearMonth.now(ZoneId.of("Asia/Shanghai")).toString()))
                .body("indicators.registeredPersons", notNullValue());
    }

    @Test
    void rollingPeriodIsTheLastTwelveMonths() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        as("analyst-62").queryParam("period", "rolling").get(PATH, "620821").then().statusCode(200)
                .body("period", equalTo(now.minusMonths(11) + "/" + now));
    }

    @Test
    void malformedPeriodOrCountyIsRejectedWith400() {
        as("admin").queryParam("period", "2026-13").get(PATH, "620821").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        as("admin").get(PATH, "6208").then().statusCode(400).contentType("application/problem+json");
    }
}
