package org.liudong.platform.consumer;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;
import org.liudong.platform.events.AcknowledgedSends;
import org.liudong.platform.events.CloudEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Applies a batch of Kafka records in one transaction, for throughput: a transaction per event means a commit, and
 * a wait for the disk, per event. Unreadable records go to the dead-letter topic before the batch is applied; if
 * the batch still fails, its events are applied one by one so that only the culprit is dead-lettered. When the
 * database itself is unreachable nothing is dead-lettered: the batch waits and is retried until it is back, and
 * stays unacknowledged meanwhile.
 *
 * <p>A dead letter is the record unchanged, with the reason and its origin in the headers SmallRye's own
 * dead-letter strategy uses ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), so it
 * can be inspected and replayed. The service configures the {@link #DEAD_LETTERS} channel with its topic.
 */
public final class BatchConsumer {

    public static final String DEAD_LETTERS = "dead-letters";
    public static final String REASON = "dead-letter-reason";
    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final CloudEventReader reader;
    private final Emitter<String> deadLetters;
    private final Duration firstPause;

    /**
     * @param deadLetters the service's emitter of the {@link #DEAD_LETTERS} channel
     * @param firstPause  the first pause while the database is away (doubling up to {@link DatabaseOutages#MAX_PAUSE})
     */
    public BatchConsumer(CloudEventReader reader, Emitter<String> deadLetters, Duration firstPause) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.firstPause = firstPause;
    }

    private record Received(ConsumerRecord<String, String> record, CloudEvent event) {
    }

    /**
     * @param apply applies events in one transaction of its own, throwing {@link PoisonEventException} (or any
     *              other failure) for an event no retry can fix
     */
    public void consume(ConsumerRecords<String, String> records, Consumer<List<CloudEvent>> apply) {
        List<Received> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Received(record, reader.read(record.value())));
            } catch (PoisonEventException e) {
                deadLetter(record, e.getMessage());
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        try {
            applyWaitingForTheDatabase(readable.stream().map(Received::event).toList(), apply);
        } catch (RuntimeException batchFailure) {
            for (Received received : readable) {
                try {
                    applyWaitingForTheDatabase(List.of(received.event()), apply);
                } catch (RuntimeException e) {
                    deadLetter(received.record(), reasonOf(received.event(), e));
                }
            }
        }
    }

    private void applyWaitingForTheDatabase(List<CloudEvent> events, Consumer<List<CloudEvent>> apply) {
        DatabaseOutages.waitOut(() -> {
            apply.accept(events);
            return null;
        }, firstPause, events.size() == 1 ? events.get(0).type + " " + events.get(0).id
                : "a batch of " + events.size() + " events");
    }

    private static String reasonOf(CloudEvent event, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return t.getMessage(); // the projection names the event and the field
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return event.type + " " + event.id + " could not be applied: " + root.getClass().getSimpleName() + ": "
                + root.getMessage();
    }

    /** Returns once the broker has the record, so the offset is committed only after it is safe. */
    void deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(REASON, bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        CompletableFuture<Void> acked = AcknowledgedSends.send(deadLetters, record.value() == null ? "" : record.value(),
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build());
        try {
            acked.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("dead-letter topic did not accept the record", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
