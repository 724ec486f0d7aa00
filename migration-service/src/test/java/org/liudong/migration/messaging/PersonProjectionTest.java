package org.liudong.migration.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liudong.migration.domain.Person;
import org.liudong.migration.repository.PersonRepository;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.RegistryTopic;
import org.liudong.migration.support.Topics;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.identity.IdNumberCipher;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class PersonProjectionTest {

    private static final String DEAD_LETTERS = "migration-service.dlq";

    @Inject
    PersonRepository persons;

    @Inject
    EntityManager entityManager;

    @Inject
    IdNumberCipher cipher;

    @Test
    void personRegisteredOnRegistryEventsAppearsInTheProjection() {
        People.TestPerson person = People.in("620821", cipher);

        RegistryTopic.publish(RegistryTopic.registered(person));

        Person projected = awaitPerson(person.id(), p -> true);
        assertThat(projected.county).isEqualTo("620821");
        assertThat(projected.idIndex).isEqualTo(person.idIndex());
        assertThat(projected.sex).isEqualTo(person.sex());
        assertThat(projected.birthYear).isEqualTo(person.birthYear());
        assertThat(projected.status).isEqualTo("ACTIVE");
        assertThat(projected.householdId).isEqualTo(person.householdId());
    }

    @Test
    void everyPersonLevelRegistryEventUpdatesThePerson() {
        People.TestPerson person = People.in("620821", cipher);
        Instant start = Instant.now().minusSeconds(60);
        RegistryTopic.publish(RegistryTopic.personEvent("birth-registered", person, "ACTIVE", start));
        People.TestPerson moved = new People.TestPerson(person.id(), person.county(), person.idNumber(),
                person.idIndex(), person.name(), UUID.randomUUID());
        RegistryTopic.publish(RegistryTopic.personEvent("member-moved", moved, "ACTIVE", start.plusSeconds(1)));
        RegistryTopic.publish(RegistryTopic.personEvent("person-corrected", moved, "ACTIVE", start.plusSeconds(2)));
        RegistryTopic.publish(RegistryTopic.personEvent("death-registered", moved, "DECEASED", start.plusSeconds(3)));

        Person projected = awaitPerson(person.id(), p -> p.status.equals("DECEASED"));
        assertThat(projected.householdId).isEqualTo(moved.householdId());
        assertThat(projected.appliedEvents).isEqualTo(4);
        assertThat(projected.lastEventType).isEqualTo(RegistryTopic.type("death-registered"));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        People.TestPerson person = People.in("620821", cipher);
        CloudEvent registered = RegistryTopic.registered(person);
        People.TestPerson moved = new People.TestPerson(person.id(), person.county(), person.idNumber(),
                person.idIndex(), person.name(), UUID.randomUUID());
        CloudEvent memberMoved = RegistryTopic.personEvent("member-moved", moved, "ACTIVE",
                Instant.now().plusSeconds(1));

        RegistryTopic.publish(registered);
        RegistryTopic.publish(registered);
        RegistryTopic.publish(memberMoved);

        Person projected = awaitPerson(person.id(), p -> moved.householdId().equals(p.householdId));
        assertThat(projected.appliedEvents).as("the duplicate must not count").isEqualTo(2);
        assertThat(processedCount(registered.uuid())).isEqualTo(1);
    }

    @Test
    void aCancelledRegistrationEndsTheResidence() {
        People.TestPerson person = People.in("620821", cipher);
        Instant now = Instant.now();
        RegistryTopic.publish(RegistryTopic.personEvent("person-registered", person, "ACTIVE", now.minusSeconds(60)));
        RegistryTopic.publish(RegistryTopic.personEvent("person-cancelled", person, "CANCELLED", now));

        Person projected = awaitPerson(person.id(), p -> p.lastEventType.endsWith("person-cancelled.v1"));
        assertThat(projected.status).isEqualTo("CANCELLED");
        assertThat(projected.isActive()).as("no longer a resident who could depart").isFalse();
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteNewerState() {
        People.TestPerson person = People.in("620821", cipher);
        Instant now = Instant.now();
        RegistryTopic.publish(RegistryTopic.personEvent("death-registered", person, "DECEASED", now));
        RegistryTopic.publish(RegistryTopic.personEvent("person-registered", person, "ACTIVE", now.minusSeconds(60)));
        RegistryTopic.publish(RegistryTopic.personEvent("person-corrected", person, "DECEASED", now.plusSeconds(1)));

        Person projected = awaitPerson(person.id(), p -> p.lastEventType.endsWith("person-corrected.v1"));
        assertThat(projected.status).isEqualTo("DECEASED");
        assertThat(projected.appliedEvents).as("the late, older event is not applied").isEqualTo(2);
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
        String marker = UUID.randomUUID().toString();
        People.TestPerson person = People.in("620821", cipher);
        CloudEvent withoutPersonId = RegistryTopic.registered(person);
        ObjectNode data = (ObjectNode) withoutPersonId.data;
        data.remove("personId");
        data.put("marker", marker);

        RegistryTopic.send(marker, "{not json " + marker);
        RegistryTopic.publish(withoutPersonId);
        People.TestPerson next = People.in("620821", cipher);
        RegistryTopic.publish(RegistryTopic.registered(next));

        List<ConsumerRecord<String, String>> dead = Topics.awaitRecords(DEAD_LETTERS,
                record -> record.value() != null && record.value().contains(marker), 2);
        assertThat(dead).extracting(record -> Topics.header(record, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("not a CloudEvent in JSON"))
                .anySatisfy(reason -> assertThat(reason)
                        .isEqualTo(withoutPersonId.type + " " + withoutPersonId.id + ": data.personId is missing"));
        awaitPerson(next.id(), p -> true);
        assertThat(find(person.id())).isEmpty();
    }

    private Person awaitPerson(UUID id, java.util.function.Predicate<Person> state) {
        return await().atMost(Duration.ofSeconds(120))
                .until(() -> find(id).filter(state), Optional::isPresent).orElseThrow();
    }

    private Optional<Person> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> persons.findByIdOptional(id));
    }

    private long processedCount(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
