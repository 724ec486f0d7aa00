package org.liudong.assessment.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.domain.IndicatorArithmetic;
import org.liudong.assessment.support.Kafka;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.liudong.assessment.support.Api.indicators;
import static org.liudong.assessment.support.Api.registeredPersons;
import static org.liudong.assessment.support.SampleEvents.deathRegistered;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.householdDissolved;
import static org.liudong.assessment.support.SampleEvents.householdRegistered;
import static org.liudong.assessment.support.SampleEvents.idIndex;
import static org.liudong.assessment.support.SampleEvents.person;
import static org.liudong.assessment.support.SampleEvents.personCancelled;
import static org.liudong.assessment.support.SampleEvents.personRegistered;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class RegistryEventConsumptionTest {

    private static final String REGISTRY = "registry.events";
    private static final String DLQ = "assessment-service.dlq";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void registeredPersonIsCountedForItsCounty() {
        String county = freshCounty();
        long before = registeredPersons(county);

        Kafka.publish(REGISTRY, personRegistered(UUID.randomUUID(), county, Instant.now()));
        Kafka.publish(REGISTRY, personRegistered(UUID.randomUUID(), county, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(registeredPersons(county)).isEqualTo(before + 2));
    }

    @Test
    void duplicateDeliveryIsCountedOnce() {
        String county = freshCounty();
        long before = registeredPersons(county);
        UUID personId = UUID.randomUUID();
        ObjectNode registered = personRegistered(personId, county, Instant.now());
        ObjectNode otherPersonSameKey = personRegistered(UUID.randomUUID(), county, Instant.now());

        Kafka.publish(REGISTRY, registered);
        Kafka.publish(REGISTRY, registered);
        // Same key, so it is consumed after the duplicate: once it counts, the duplicate has been seen.
        Kafka.publish(REGISTRY, personId.toString(), otherPersonSameKey.toString());

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(registeredPersons(county)).isEqualTo(before + 2));
    }

    @Test
    void deathEndsTheRegistration() {
        String county = freshCounty();
        long before = registeredPersons(county);
        UUID personId = UUID.randomUUID();
        Kafka.publish(REGISTRY, personRegistered(personId, county, Instant.now().minusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> registeredPersons(county) == before + 1);

        Kafka.publish(REGISTRY, deathRegistered(personId, county, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> registeredPersons(county) == before);
    }

    @Test
    void aCancelledRegistrationEndsLikeADeath() {
        String county = freshCounty();
        UUID personId = UUID.randomUUID();
        Kafka.publish(REGISTRY, personRegistered(personId, county, Instant.now().minusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> registeredPersons(county) == 1);

        Kafka.publish(REGISTRY, personCancelled(personId, county, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> registeredPersons(county) == 0);
    }

    @Test
    void aHouseholdIsCountedUntilItIsDissolved() {
        String county = freshCounty();
        UUID household = UUID.randomUUID();
        Kafka.publish(REGISTRY, householdRegistered(household, county, Instant.now().minusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> registeredHouseholds(county) == 1);

        Kafka.publish(REGISTRY, householdDissolved(household, county, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> registeredHouseholds(county) == 0);
    }

    private static long registeredHouseholds(String county) {
        return indicators(county, YearMonth.now(CHINA)).getLong("indicators.registeredHouseholds");
    }

    @Test
    void aPseudonymRegisteredInTwoCountiesIsASuspectedDuplicateInBothUntilOneRegistrationEnds() {
        String county = freshCounty();
        String other = freshCounty();
        String idIndex = idIndex();
        UUID twin = UUID.randomUUID();
        Instant earlier = Instant.now().minusSeconds(60);
        Kafka.publish(REGISTRY, person("person-registered", UUID.randomUUID(), county, UUID.randomUUID(), idIndex, earlier));
        Kafka.publish(REGISTRY, personRegistered(UUID.randomUUID(), county, earlier));
        Kafka.publish(REGISTRY, person("person-registered", twin, other, UUID.randomUUID(), idIndex, earlier));

        YearMonth month = YearMonth.now(CHINA);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath figures = indicators(county, month);
            assertThat(figures.getLong("indicators.registeredPersons")).isEqualTo(2);
            assertThat(figures.getLong("indicators.suspectedDuplicates")).isEqualTo(1);
            // the twin's record is not a good one: one of two
            assertThat(figures.getDouble("indicators.recordQuality")).isEqualTo(0.5);
            // both are women born in 1990 (SampleEvents.person)
            assertThat(figures.getMap("breakdowns.registeredBySex")).containsExactly(entry("F", 2));
            assertThat(figures.getMap("breakdowns.registeredByAgeBand"))
                    .containsExactly(entry(IndicatorArithmetic.ageBand(1990, month.getYear()), 2));
            assertThat(indicators(other, month).getLong("indicators.suspectedDuplicates")).isEqualTo(1);
        });

        Kafka.publish(REGISTRY, deathRegistered(twin, other, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath figures = indicators(county, month);
            assertThat(figures.getLong("indicators.suspectedDuplicates")).isZero();
            assertThat(figures.getDouble("indicators.recordQuality")).isEqualTo(1.0);
        });
    }

    @Test
    void unreadableRecordLandsInTheDeadLetterTopicWithItsReason() {
        String key = UUID.randomUUID().toString();
        try (Kafka.Reader deadLetters = Kafka.readFromEnd(DLQ)) {
            Kafka.publish(REGISTRY, key, "{ this is not json");

            ConsumerRecord<String, String> dead = deadLetters.await(key);

            assertThat(dead.value()).isEqualTo("{ this is not json");
            assertThat(Kafka.Reader.header(dead, "dead-letter-reason")).startsWith("not a CloudEvent in JSON");
            assertThat(Kafka.Reader.header(dead, "dead-letter-topic")).isEqualTo(REGISTRY);
        }
    }

    @Test
    void eventMissingItsCountyIsDeadLetteredAndTheRestOfTheBatchStillCounts() {
        String county = freshCounty();
        long before = registeredPersons(county);
        UUID personId = UUID.randomUUID();
        ObjectNode broken = personRegistered(personId, county, Instant.now());
        ((ObjectNode) broken.get("data")).remove("county");
        try (Kafka.Reader deadLetters = Kafka.readFromEnd(DLQ)) {
            Kafka.publish(REGISTRY, broken);
            Kafka.publish(REGISTRY, personRegistered(UUID.randomUUID(), county, Instant.now()));

            ConsumerRecord<String, String> dead = deadLetters.await(personId.toString());

            assertThat(Kafka.Reader.header(dead, "dead-letter-reason")).contains("missing field county");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(registeredPersons(county)).isEqualTo(before + 1));
        }
    }
}
