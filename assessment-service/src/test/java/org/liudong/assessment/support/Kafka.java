package org.liudong.assessment.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;


/** Plain Kafka clients for tests: publish as the producers do, read what the service published. */
public final class Kafka {

    private static KafkaProducer<String, String> producer;

    private Kafka() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap(), "acks", "all",
                    "enable.idempotence", "true"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Publishes a CloudEvent in structured mode, keyed by the subject, and waits for the broker's ack. */
    public static void publish(String topic, ObjectNode event) {
        publish(topic, event.get("subject").asText(), event.toString());
    }

    public static void publish(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A reader of a topic from its current end: sees only what arrives after it was opened. */
    public static Reader readFromEnd(String topic) {
        return new Reader(topic);
    }

    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                    "group.id", "assessment-test-" + UUID.randomUUID(), "enable.auto.commit", "false"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Waits for a record with this key. */
        public synchronized ConsumerRecord<String, String> await(String key) {
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return find(key);
            }, Optional::isPresent).orElseThrow();
        }

        public Optional<ConsumerRecord<String, String>> find(String key) {
            return seen.stream().filter(r -> key.equals(r.key())).findFirst();
        }

        public synchronized List<ConsumerRecord<String, String>> seen() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen;
        }

        public static String header(ConsumerRecord<String, String> record, String name) {
            var header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
