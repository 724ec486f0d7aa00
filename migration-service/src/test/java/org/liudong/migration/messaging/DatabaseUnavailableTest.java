package org.liudong.migration.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.liudong.migration.domain.Person;
import org.liudong.migration.repository.PersonRepository;
import org.liudong.migration.service.PersonProjection;
import org.liudong.migration.support.FakeRegistry;
import org.liudong.migration.support.People;
import org.liudong.migration.support.RegistryTopic;
import org.liudong.platform.consumer.ProcessedEvents;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.identity.IdNumberCipher;
import org.liudong.stack.testing.PlatformTestResource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A registry event that meets an unreachable database is applied once it is back, never dead-lettered. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "migration"))
@WithTestResource(FakeRegistry.class)
class DatabaseUnavailableTest {

    private static final int OUTAGE = 3;

    @Inject
    PersonRepository persons;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    IdNumberCipher cipher;

    @Test
    void anEventArrivingWhileTheDatabaseIsDownIsAppliedWhenItIsBack() {
        People.TestPerson person = People.in("620821", cipher);
        CloudEvent event = RegistryTopic.registered(person);
        DownThenUp projection = new DownThenUp(new PersonProjection(persons, processedEvents),
                UUID.fromString(event.id));
        QuarkusMock.installMockForType(projection, PersonProjection.class);

        RegistryTopic.publish(event);

        Person projected = await().atMost(Duration.ofSeconds(120))
                .until(() -> find(person.id()), Optional::isPresent).orElseThrow();
        assertThat(projection.failures.get()).isEqualTo(OUTAGE);
        assertThat(projected.appliedEvents).isEqualTo(1);
        assertThat(projected.county).isEqualTo("620821");
    }

    private Optional<Person> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> persons.findByIdOptional(id));
    }

    /** Fails the watched event as a lost connection would, {@link #OUTAGE} times, then applies it for real. */
    static class DownThenUp extends PersonProjection {

        private final PersonProjection real;
        private final UUID watched;
        final AtomicInteger failures = new AtomicInteger();

        DownThenUp(PersonProjection real, UUID watched) {
            super(null, null);
            this.real = real;
            this.watched = watched;
        }

        @Override
        public void apply(List<CloudEvent> events) {
            if (events.stream().anyMatch(event -> event.uuid().equals(watched)) && failures.get() < OUTAGE) {
                failures.incrementAndGet();
                throw new JDBCConnectionException("Unable to acquire JDBC Connection",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
            }
            QuarkusTransaction.requiringNew().run(() -> real.apply(events));
        }
    }
}
