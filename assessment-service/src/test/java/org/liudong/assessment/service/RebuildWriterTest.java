package org.liudong.assessment.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liudong.platform.events.CloudEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.assessment.support.SampleEvents.arrival;
import static org.liudong.assessment.support.SampleEvents.data;
import static org.liudong.assessment.support.SampleEvents.departure;
import static org.liudong.assessment.support.SampleEvents.householdDissolved;
import static org.liudong.assessment.support.SampleEvents.householdRegistered;
import static org.liudong.assessment.support.SampleEvents.move;
import static org.liudong.assessment.support.SampleEvents.person;
import static org.liudong.assessment.support.SampleEvents.verification;

/**
 * A rebuild shares each batch out among its writers, which apply their parts side by side; that is only right when
 * every event changing a projection row goes to the same writer, whatever else the event names.
 */
class RebuildWriterTest {

    private static final Instant AT = Instant.parse("2026-03-10T02:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");

    @ParameterizedTest(name = "{0} writers")
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void everyEventOfARowGoesToTheWriterOfThatRow(int writers) {
        Random random = new Random(20261129L + writers);
        Map<UUID, Integer> writerOfRow = new HashMap<>();
        for (int n = 0; n < 500; n++) {
            UUID personId = new UUID(random.nextLong(), random.nextLong());
            UUID householdId = new UUID(random.nextLong(), random.nextLong());
            UUID otherHousehold = new UUID(random.nextLong(), random.nextLong());
            UUID moveId = new UUID(random.nextLong(), random.nextLong());
            UUID verificationId = new UUID(random.nextLong(), random.nextLong());
            UUID personOnlyRequest = new UUID(random.nextLong(), random.nextLong());

            // the person's events name a household too, and move it to another one
            expectSameWriter(writerOfRow, personId, writers,
                    person("person-registered", personId, "620821", householdId, "ix", AT),
                    person("member-moved", personId, "620821", otherHousehold, "ix", AT));
            expectSameWriter(writerOfRow, householdId, writers,
                    householdRegistered(householdId, "620821", AT), householdDissolved(householdId, "620821", AT));
            // a move's events name the person; an answer about the move may mark it disputed
            ObjectNode answered = verification("verification-answered", verificationId, "440305", "620821", moveId,
                    DAY, AT);
            data(answered).put("outcome", "DENIED");
            expectSameWriter(writerOfRow, moveId, writers,
                    departure(moveId, personId, "620821", "440305", DAY, DAY, AT),
                    arrival(moveId, personId, "620821", "440305", DAY, true, AT),
                    move("move-rejected", moveId, personId, "620821", "440305", "REJECTED", AT),
                    verification("verification-requested", verificationId, "440305", "620821", moveId, DAY, AT),
                    answered);
            expectSameWriter(writerOfRow, personOnlyRequest, writers,
                    verification("verification-requested", personOnlyRequest, "440305", "620821", null, DAY, AT),
                    verification("verification-overdue", personOnlyRequest, "440305", "620821", null, DAY, AT));
        }
        assertThat(writerOfRow.values()).allMatch(w -> w >= 0 && w < writers);
        if (writers > 1) {
            assertThat(writerOfRow.values()).as("rows are shared out among the writers").hasSize(4 * 500)
                    .containsAll(java.util.stream.IntStream.range(0, writers).boxed().toList());
        }
    }

    private static void expectSameWriter(Map<UUID, Integer> writerOfRow, UUID row, int writers, ObjectNode... events) {
        for (ObjectNode envelope : List.of(events)) {
            int writer = RebuildService.writerOf(cloudEvent(envelope), writers);
            Integer first = writerOfRow.putIfAbsent(row, writer);
            assertThat(writer).as("writer of %s for row %s", envelope.get("type").asText(), row)
                    .isEqualTo(first == null ? writer : first);
        }
    }

    private static CloudEvent cloudEvent(ObjectNode envelope) {
        CloudEvent event = new CloudEvent();
        event.id = envelope.get("id").asText();
        event.type = envelope.get("type").asText();
        event.data = envelope.get("data");
        return event;
    }
}
