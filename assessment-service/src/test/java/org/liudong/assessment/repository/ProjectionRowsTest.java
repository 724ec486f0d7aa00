package org.liudong.assessment.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.domain.DirtyCounty;
import org.liudong.assessment.domain.HouseholdRecord;
import org.liudong.assessment.domain.MoveRecord;
import org.liudong.assessment.domain.PersonRecord;
import org.liudong.assessment.domain.VerificationRecord;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.assessment.support.SampleEvents.freshCounty;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class ProjectionRowsTest {

    /** Compares the columns, not what Hibernate's bytecode enhancement adds to an entity. */
    private static final RecursiveComparisonConfiguration ROWS = RecursiveComparisonConfiguration.builder()
            .withIgnoredFieldsMatchingRegexes(".*\\$\\$_hibernate.*").build();

    @Inject
    ProjectionRows store;

    @Inject
    DirtyCountyRepository dirty;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void connectionsRunWithoutQueryCompilationAndOnTheProjectionSchema() {
        Object[] settings = (Object[]) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select current_setting('jit'), current_schema()").getSingleResult());
        // the platform's default: compiling an indicator query took longer than running it
        assertThat(settings).containsExactly("off", "projection");
    }

    @Test
    void everyColumnOfEveryTableSurvivesAWriteAndARead() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day = LocalDate.of(2025, 2, 28);
        PersonRecord person = new PersonRecord();
        person.personId = UUID.randomUUID();
        person.county = freshCounty();
        person.householdId = UUID.randomUUID();
        person.relation = "HEAD";
        person.sex = "F";
        person.birthYear = 1977;
        person.idIndex = "ab".repeat(32);
        person.status = "DECEASED";
        person.registeredAt = at;
        person.endedAt = at.plusSeconds(60);
        person.corrections = 2;
        person.lastEventAt = at.plusSeconds(60);
        HouseholdRecord household = new HouseholdRecord();
        household.householdId = UUID.randomUUID();
        household.county = person.county;
        household.registeredAt = at;
        MoveRecord move = new MoveRecord();
        move.moveId = UUID.randomUUID();
        move.originCounty = person.county;
        move.destinationCounty = freshCounty();
        move.status = "SETTLED";
        move.announced = true;
        move.departed(day);
        move.departureRegisteredOn = day.plusDays(1);
        move.arrived(day.plusDays(2));
        move.settledOn = day.plusDays(2);
        move.disputedOn = day.plusDays(3);
        move.endOn(day.plusDays(4));
        move.lastEventAt = at;
        VerificationRecord request = new VerificationRecord();
        request.verificationId = UUID.randomUUID();
        request.fromCounty = move.originCounty;
        request.toCounty = move.destinationCounty;
        request.moveId = move.moveId;
        request.urgent = true;
        request.requestedOn = day;
        request.dueOn = day.plusDays(10);
        request.outcome = "DENIED";

        QuarkusTransaction.requiringNew().run(() -> {
            store.upsert(ProjectionRows.PERSONS, List.of(person));
            store.upsert(ProjectionRows.HOUSEHOLDS, List.of(household));
            store.upsert(ProjectionRows.MOVES, List.of(move));
            store.upsert(ProjectionRows.VERIFICATIONS, List.of(request));
        });

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(store.load(ProjectionRows.PERSONS, List.of(person.personId, UUID.randomUUID())))
                    .containsOnlyKeys(person.personId).extractingByKey(person.personId)
                    .usingRecursiveComparison(ROWS).isEqualTo(person);
            assertThat(store.load(ProjectionRows.HOUSEHOLDS, List.of(household.householdId)).get(household.householdId))
                    .usingRecursiveComparison(ROWS).isEqualTo(household);
            assertThat(store.load(ProjectionRows.MOVES, List.of(move.moveId)).get(move.moveId))
                    .usingRecursiveComparison(ROWS).isEqualTo(move);
            assertThat(store.load(ProjectionRows.VERIFICATIONS, List.of(request.verificationId))
                    .get(request.verificationId)).usingRecursiveComparison(ROWS).isEqualTo(request);
        });
    }

    @Test
    void anUpsertOverwritesEveryColumnOfAnExistingRowIncludingWithNull() {
        HouseholdRecord household = new HouseholdRecord();
        household.householdId = UUID.randomUUID();
        household.county = freshCounty();
        household.township = household.county + "001";
        household.registeredAt = Instant.parse("2025-01-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> store.upsert(ProjectionRows.HOUSEHOLDS, List.of(household)));

        household.township = null;
        household.dissolvedAt = Instant.parse("2025-06-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> store.upsert(ProjectionRows.HOUSEHOLDS, List.of(household)));

        Map<UUID, HouseholdRecord> found = QuarkusTransaction.requiringNew()
                .call(() -> store.load(ProjectionRows.HOUSEHOLDS, List.of(household.householdId)));
        assertThat(found.get(household.householdId)).usingRecursiveComparison(ROWS).isEqualTo(household);
    }

    @Test
    void markingACountyMonthDoesNotWaitForAnotherTransactionThatMarkedItToo() throws Exception {
        DirtyCounty.Key key = new DirtyCounty.Key(freshCounty(), "2020-01");
        CountDownLatch marked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            dirty.mark(List.of(key));
            marked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(marked.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> second = CompletableFuture.runAsync(() ->
                    QuarkusTransaction.requiringNew().run(() -> dirty.mark(List.of(key))));

            second.get(20, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
        }
    }
}
