package org.liudong.registry.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import org.liudong.platform.identity.Sex;
import org.liudong.registry.support.Api;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.liudong.registry.support.Api.CLERK;
import static org.liudong.registry.support.People.person;

/** Dates are judged on the counties' calendar (China Standard Time), whatever zone the server runs in. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class CountiesCalendarTest {

    private static final ZoneId COUNTIES = ZoneId.of("Asia/Shanghai");

    @Inject
    ValidatorFactory validation;

    @Test
    void beanValidationJudgesDatesOnTheCountiesCalendar() {
        assertThat(validation.getClockProvider().getClock().getZone()).isEqualTo(COUNTIES);
    }

    /** From 16:00 to 24:00 UTC the counties' today is the server's tomorrow: neither date may be refused then. */
    @Test
    void aChildBornAndAPersonWhoDiedOnTheCountiesTodayAreRegistered() {
        LocalDate today = LocalDate.now(COUNTIES);
        String household = Api.newHousehold(person("HEAD")).getString("id");

        String child = Api.newPerson(household, person("CHILD", Sex.F, today)).getString("id");
        Api.as(CLERK).contentType(ContentType.JSON).header("If-Match", Api.etagOfPerson(child))
                .body(Map.of("diedOn", today.toString()))
                .post("/api/registry/persons/" + child + "/death").then()
                .statusCode(200)
                .body("status", equalTo("DECEASED"));
    }
}
