package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.liudong.assessment.domain.StreamEvent;
import org.liudong.assessment.repository.StreamEventRepository;
import org.liudong.stack.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.assessment.support.SampleEvents.freshCounty;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "assessment"))
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    StreamEventRepository stream;

    @Test
    void feedEntriesOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        String county = freshCounty();
        long before = QuarkusTransaction.requiringNew().call(stream::lastId);
        // the default retention is a day
        QuarkusTransaction.requiringNew().run(() -> stream.append(List.of(
                entry(county, Instant.now().minus(Duration.ofDays(2))),
                entry(county, Instant.now().minus(Duration.ofHours(23))),
                entry(county, Instant.now()))));

        assertThat(housekeeping.purgeFeed()).isPositive();

        assertThat(QuarkusTransaction.requiringNew().call(() -> stream.after(before, county, 10)))
                .extracting(e -> e.createdAt).allMatch(at -> at.isAfter(Instant.now().minus(Duration.ofDays(1))))
                .hasSize(2);
    }

    private static StreamEvent entry(String county, Instant at) {
        StreamEvent entry = new StreamEvent();
        entry.kind = StreamEvent.ACTIVITY;
        entry.county = county;
        entry.payload = "{}";
        entry.createdAt = at;
        return entry;
    }
}
