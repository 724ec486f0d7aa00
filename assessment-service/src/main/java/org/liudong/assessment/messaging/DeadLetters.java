package org.liudong.assessment.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a record no retry can fix to {@code assessment-service.dlq}, unchanged, with the reason and its origin
 * in the same headers the SmallRye dead-letter strategy uses, so it can be inspected and replayed.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "dead-letters";
    public static final String TOPIC = "assessment-service.dlq";
    public static final String REASON = "dead-letter-reason";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<String> emitter;

    public DeadLetters(@Channel(CHANNEL) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker has the record, so the offset is committed only after it is safe. */
    public void send(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(REASON, bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(TOPIC).withKey(record.key()).withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
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
