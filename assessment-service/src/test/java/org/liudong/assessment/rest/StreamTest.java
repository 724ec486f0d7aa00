package org.liudong.assessment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.support.Kafka;
import org.liudong.assessment.support.SampleEvents;
import org.liudong.assessment.support.SseClient;
import org.liudong.stack.testing.PlatformTestResource;
import org.liudong.stack.testing.Tokens;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

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

    @Test
    void streamNeedsAToken() {
        try (SseClient anonymous = new SseClient(stream, null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
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
