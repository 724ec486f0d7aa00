package org.liudong.platform.events;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;

/** Sending a Kafka record through an emitter and learning whether the broker took it. */
public final class AcknowledgedSends {

    private AcknowledgedSends() {
    }

    /** @return completes when the broker acknowledged the record (acks as the channel is configured), fails on a nack */
    public static CompletableFuture<Void> send(Emitter<String> emitter, String payload,
                                               OutgoingKafkaRecordMetadata<String> metadata) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(payload)
                .addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
