package org.liudong.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.liudong.platform.events.CloudEvent;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class BatchConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TopicPartition PARTITION = new TopicPartition("registry.events", 0);

    private final RecordingEmitter deadLetters = new RecordingEmitter();
    private final BatchConsumer consumer = new BatchConsumer(new CloudEventReader(JSON), deadLetters, Duration.ofMillis(1));
    private final List<List<String>> applied = new ArrayList<>();

    @Test
    void aReadableBatchIsAppliedAtOnce() {
        consumer.consume(records(event("a"), event("b"), event("c")), record(batch -> { }));

        assertThat(applied).containsExactly(List.of("a", "b", "c"));
        assertThat(deadLetters.sent).isEmpty();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheRestAppliedTogether() {
        consumer.consume(records(event("a"), "{ not json", event("c")), record(batch -> { }));

        assertThat(applied).containsExactly(List.of("a", "c"));
        assertThat(deadLetters.sent).singleElement().satisfies(dead -> {
            assertThat(dead.getPayload()).isEqualTo("{ not json");
            assertThat(header(dead, BatchConsumer.REASON)).startsWith("not a CloudEvent in JSON");
            assertThat(header(dead, "dead-letter-topic")).isEqualTo("registry.events");
            assertThat(header(dead, "dead-letter-offset")).isEqualTo("1");
        });
    }

    @Test
    void aBatchThatFailsIsAppliedEventByEventAndOnlyTheCulpritDeadLettered() {
        consumer.consume(records(event("a"), event("poison"), event("c")), record(batch -> {
            if (batch.contains("poison")) {
                throw new PoisonEventException("missing field county");
            }
        }));

        assertThat(applied).containsExactly(List.of("a"), List.of("c"));
        assertThat(deadLetters.sent).singleElement().satisfies(dead -> {
            assertThat(dead.getPayload()).contains("\"subject\":\"poison\"");
            assertThat(header(dead, BatchConsumer.REASON)).isEqualTo("missing field county");
        });
    }

    @Test
    void aDatabaseOutageIsWaitedOutNotDeadLettered() {
        int[] failures = {0};
        consumer.consume(records(event("a"), event("b")), record(batch -> {
            if (failures[0]++ < 2) {
                throw new JDBCConnectionException("Unable to acquire JDBC Connection",
                        new SQLException("Connection refused", "08001"));
            }
        }));

        assertThat(applied).containsExactly(List.of("a", "b"));
        assertThat(deadLetters.sent).isEmpty();
    }

    /** Records the subjects of each batch that {@code check} lets through, as the transaction would commit them. */
    private Consumer<List<CloudEvent>> record(Consumer<List<String>> check) {
        return events -> {
            List<String> subjects = events.stream().map(event -> event.subject).toList();
            check.accept(subjects);
            applied.add(subjects);
        };
    }

    private static String event(String subject) {
        try {
            return JSON.writeValueAsString(CloudEvent.of("/liudong/registry", "liudong.registry.person-registered.v1",
                    subject, JsonNodeFactory.instance.objectNode().put("subject", subject)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecords<String, String> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            records.add(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "key", values[offset]));
        }
        return new ConsumerRecords<>(Map.of(PARTITION, records), Map.of());
    }

    private static String header(Message<String> message, String name) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class)
                .map(metadata -> new String(metadata.getHeaders().lastHeader(name).value(), StandardCharsets.UTF_8))
                .orElseThrow();
    }

    /** Acknowledges every message at once, as a broker that accepted it. */
    private static final class RecordingEmitter implements Emitter<String> {

        final List<Message<String>> sent = new ArrayList<>();

        @Override
        public CompletionStage<Void> send(String payload) {
            sent.add(Message.of(payload));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <M extends Message<? extends String>> void send(M message) {
            sent.add((Message<String>) message);
            message.ack();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
