package org.liudong.assessment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.domain.StreamEvent;
import org.liudong.assessment.repository.StreamEventRepository;
import org.liudong.assessment.support.Kafka;
import org.liudong.assessment.support.SampleEvents;
import org.liudong.assessment.support.SseClient;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.stack.testing.Tokens;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.freshCounty;
import static org.liudong.assessment.support.SampleEvents.noon;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class StreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/assessment/stream")
    URI stream;

    @Inject
    StreamEventRepository streamEvents;

    @Test
    void dashboardSeesAnonymousActivityAndIndicatorChangesOfItsJurisdiction() throws Exception {
        String origin = freshCounty("62");
        String destination = freshCounty("44");
        try (SseClient feed = open("analyst-62", null)) {
            publishDeparture(origin, destination, UUID.randomUUID().toString());

            await().atMost(WAIT).until(() -> activityFrom(feed, origin) != null);
            JsonNode activity = activityFrom(feed, origin);
            assertThat(activity.get("destinationCounty").asText()).isEqualTo(destination);
            assertThat(activity.get("reason").asText()).isEqualTo("WORK");
            assertThat(activity.get("event").asText()).isEqualTo("departure-registered");
            await().atMost(WAIT).until(() -> feed.named("indicator-changed").stream()
                    .anyMatch(e -> e.data().contains("\"county\":\"" + origin + "\"")));
            assertThat(feed.events()).allSatisfy(e -> assertThat(e.data())
                    .doesNotContain("personId", "moveId", "idIndex", "idNumber", "name\""));
        }
    }

    @Test
    void feedIsFilteredToTheCallersJurisdiction() {
        String origin = freshCounty("62");
        String key = UUID.randomUUID().toString();
        try (SseClient clerk = open("clerk-440305", null)) {
            publishDeparture(origin, freshCounty("61"), key);
            publishDeparture(origin, "440305", key);

            await().atMost(WAIT).until(() -> activityFrom(clerk, origin) != null);
            assertThat(clerk.named("activity")).noneMatch(e -> e.data().contains("\"destinationCounty\":\"61"));
        }
    }

    @Test
    void reconnectingWithLastEventIdResumesAfterIt() {
        String origin = freshCounty("62");
        String second = freshCounty("62");
        String lastSeen;
        try (SseClient first = open("analyst-62", null)) {
            publishDeparture(origin, freshCounty("44"), UUID.randomUUID().toString());
            await().atMost(WAIT).until(() -> activityFrom(first, origin) != null);
            lastSeen = first.named("activity").stream().filter(e -> e.data().contains(origin)).findFirst()
                    .orElseThrow().id();
        }
        publishDeparture(second, freshCounty("44"), UUID.randomUUID().toString());

        try (SseClient resumed = new SseClient(stream, Tokens.user("analyst-62"), lastSeen)) {
            await().atMost(WAIT).until(() -> activityFrom(resumed, second) != null);
            assertThat(activityFrom(resumed, origin)).isNull();
        }
    }

    /**
     * The feed hands out entries by id. An entry whose id was drawn first but committed last would sit behind a
     * cursor that had already passed it, so a second append waits until the first one's transaction ends.
     */
    @Test
    void entriesBecomeVisibleInTheOrderOfTheirIds() throws Exception {
        String county = freshCounty("62");
        long cursor = QuarkusTransaction.requiringNew().call(streamEvents::lastId);
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                streamEvents.append(List.of(entry(county, "first")));
                firstAppended.countDown();
                await().atMost(WAIT).until(() -> commitFirst.await(1, TimeUnit.SECONDS));
            }));
            assertThat(firstAppended.await(60, TimeUnit.SECONDS)).isTrue();
            Future<?> second = writers.submit(() -> QuarkusTransaction.requiringNew().run(() ->
                    streamEvents.append(List.of(entry(county, "second")))));

            // the second append waits for the first transaction, however long that stays open
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            assertThat(QuarkusTransaction.requiringNew().call(() -> streamEvents.after(cursor, county, 10))).isEmpty();
            commitFirst.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            commitFirst.countDown();
            writers.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> streamEvents.after(cursor, county, 10)))
                .extracting(e -> e.payload).containsExactly("{\"step\":\"first\"}", "{\"step\":\"second\"}");
    }

    @Test
    void streamNeedsAToken() {
        try (SseClient anonymous = new SseClient(stream, null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    private static StreamEvent entry(String county, String step) {
        StreamEvent entry = new StreamEvent();
        entry.kind = StreamEvent.ACTIVITY;
        entry.county = county;
        entry.otherCounty = county;
        entry.payload = "{\"step\":\"" + step + "\"}";
        entry.createdAt = Instant.now();
        return entry;
    }

    private SseClient open(String user, String lastEventId) {
        SseClient client = new SseClient(stream, Tokens.user(user), lastEventId);
        await().atMost(WAIT).until(() -> !client.named("ready").isEmpty());
        return client;
    }

    private static void publishDeparture(String origin, String destination, String key) {
        LocalDate today = LocalDate.now();
        Kafka.publish("migration.events", key, departure(UUID.randomUUID(), UUID.randomUUID(), origin, destination,
                today, today, noon(today)).toString());
    }

    private static JsonNode activityFrom(SseClient feed, String origin) {
        return feed.named("activity").stream().map(e -> parse(e.data()))
                .filter(data -> origin.equals(data.get("originCounty").asText())).findFirst().orElse(null);
    }

    private static JsonNode parse(String json) {
        try {
            return SampleEvents.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
