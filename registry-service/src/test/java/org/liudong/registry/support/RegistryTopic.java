package org.liudong.registry.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.liudong.platform.events.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Reads registry.events as any consumer would, with a plain KafkaConsumer positioned at the end of every
 * partition when created: the records a test finds were published after it started. Records that are not JSON
 * are skipped (other suites test their dead-letter handling on this topic).
 */
public final class RegistryTopic implements AutoCloseable {

    /** A record as it arrived: key, content-type header and the parsed CloudEvent. */
    public record Received(String key, String contentType, JsonNode event) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    public RegistryTopic() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRY_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until a record matches, and answers it. */
    public Received await(Predicate<Received> matching) {
        Received[] found = new Received[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            Optional<Received> match = received.stream().filter(matching).findFirst();
            match.ifPresent(r -> found[0] = r);
            return match.isPresent();
        });
        return found[0];
    }

    public Received await(String type, String subject) {
        return await(r -> type.equals(r.event().path("type").asText()) && subject.equals(r.event().path("subject").asText()));
    }

    /** The records received so far under {@code key}, in the order they arrived. */
    public List<Received> withKey(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            var header = record.headers().lastHeader("content-type");
            try {
                received.add(new Received(record.key(), header == null ? null : new String(header.value()),
                        JSON.readTree(record.value())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // the topic is shared: other suites publish poison records on purpose; they are not ours to check
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
